"""Payment codes: numeric references with check digits, EMV QR payloads, signed payment links. No Qt."""
