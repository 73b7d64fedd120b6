"""Fixtures for the backend tests (helpers live in backend_samples, a uniquely named module)."""

from __future__ import annotations

import pytest
from backend_samples import MakeDoc, MakePdf, build_pdf, make_document


@pytest.fixture
def make_pdf() -> MakePdf:
    return build_pdf


@pytest.fixture
def make_doc() -> MakeDoc:
    return make_document
