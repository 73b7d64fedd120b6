"""Central database: schema helpers, credentials, demo data and imports."""
