"""Languages: Spanish source strings in the code, English from Qt's .qm catalogue.

Every visible string goes through `self.tr()` (QObject subclasses) or `QCoreApplication.translate(context, s)`
with the Spanish text; `resources/translations/ventanilla_en.ts` is kept with pyside6-lupdate over ui/
(`python -m ui.i18n`) and built to .qm by `make translations`. Spanish needs a catalogue too, for plurals only:
a source text such as "%n minutos" has one form, so `ventanilla_es.ts` (lupdate `-pluralonly`) gives the
Spanish singular and plural of every numerus message ("1 minuto", "2 minutos"). Switching language swaps the
installed translator (the Spanish plurals in Spanish, the English catalogue in English); Qt then sends a
LanguageChange event to every widget and screens re-translate themselves live (Screen.retranslate).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

import resources

TRANSLATIONS_DIR = Path(resources.__file__).resolve().parent / "translations"
LANGUAGES = ("es", "en")
SOURCE_LANGUAGE = "es"


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"ventanilla_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"ventanilla_{language}.qm"


def _lrelease() -> str | None:
    return _tool("pyside6-lrelease") or shutil.which("lrelease")


def ensure_compiled(language: str) -> Path | None:
    """The .qm for a language, compiled from its .ts when missing or stale (development trees, tests)."""
    qm, ts = qm_path(language), ts_path(language)
    if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
        tool = _lrelease()
        if tool:
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=False, capture_output=True)
    return qm if qm.exists() else None


def _tool(name: str) -> str | None:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else shutil.which(name)


def update_catalogue(language: str = "en") -> int:
    """Re-extract every tr()/translate() string of ui/ into the language's .ts (keeps translations).

    The source language's own catalogue holds only the numerus messages (`-pluralonly`): Spanish text needs no
    translation, only its singular and plural forms.
    """
    tool = _tool("pyside6-lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate not found")
    ui_dir = Path(__file__).resolve().parent
    plural_only = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
    done = subprocess.run([tool, "-extensions", "py", "-no-obsolete", *plural_only, "-source-language", "es",
                           "-target-language", language, str(ui_dir), "-ts", str(ts_path(language))], check=False)
    return done.returncode


def update_catalogues() -> int:
    """Every language's catalogue: the English translation and the Spanish plural forms."""
    return max(update_catalogue(language) for language in LANGUAGES)


def babel_locale(language: str, utility_locale: str) -> str:
    """Money and dates: the utility's own Spanish locale, or US English."""
    return "en_US" if language == "en" else utility_locale


class Translations:
    """Installs the translator for the chosen language on the running application.

    Spanish has one too (its plural forms); it is installed at once when there is an application, so that a
    Spanish screen says "1 minuto" before any switch.
    """

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.language = SOURCE_LANGUAGE
        if QCoreApplication.instance() is not None:
            self.set_language(SOURCE_LANGUAGE)

    def set_language(self, language: str) -> bool:
        """Switch language; returns False (and stays) if the catalogue cannot be loaded."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("no QCoreApplication")
        qm = ensure_compiled(language)
        loaded = QTranslator()
        new: QTranslator | None = loaded
        if qm is None or not loaded.load(str(qm)):
            if language != SOURCE_LANGUAGE:
                return False
            new = None  # Spanish without its plural catalogue: the source text still reads, as "1 minutos"
        if self._translator is not None:
            app.removeTranslator(self._translator)
        self._translator = new
        if new is not None:
            app.installTranslator(new)
        self.language = language
        return True


if __name__ == "__main__":
    sys.exit(update_catalogues())
