"""How the kiosk addresses a customer in Spanish: "usted", "vos" or "tú", and a check that a text keeps to one.

A utility declares its form of address in its branding profile (`form_of_address`); the screens, the FAQ, the
printed documents and the payment instructions must all speak that way, because a customer who is told
"Toque «Ingresar»" on the screen and "Pagá hasta el vencimiento" on the paper meets two companies.

`foreign_forms(text, form)` finds the words of a text that belong to another form of address. It works on a
lexicon rather than a grammar: pronouns and possessives (vos, tú, te, tu, tus, ti, contigo; usted), and the
verb forms a utility's texts use, generated from a list of verbs (vos imperatives "pagá", "volvé"; vos
presents "pagás", "tenés", "recibís"; tú presents "debes", "recibes"; futures "pagarás"; preterites
"pagaste"; usted imperatives "pague", "elija") plus the irregular ones. Forms that read the same in another
person are left out on purpose: the tú imperative "escanea" is also "el cliente escanea", and the vos
imperative "recibí" is also the customer's own "no recibí el código" (an FAQ question); such a text is still
caught by its pronouns ("escanea tu código").
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class FormOfAddress(StrEnum):
    USTED = "usted"  # formal, what a utility prints in Argentina, Paraguay and Mexico alike
    VOS = "vos"  # Argentine, Uruguayan and Paraguayan everyday Spanish ("tocá", "tenés")
    TU = "tu"  # tuteo: Mexico and most of Latin America in informal texts ("toca", "tienes")


# Verbs that customer texts of a utility use, by conjugation. Verbs whose forms collide with common words are
# left out: estar ("está"), dar, ir, ver; partir ("partes").
_AR = (
    "acepta", "acerca", "activa", "actualiza", "agrega", "anota", "apaga", "aprieta", "avisa", "ayuda", "busca",
    "cambia", "carga", "cierra", "comunica", "confirma", "consulta", "contacta", "contrata", "controla", "corta",
    "descarga", "deja", "desliza", "elimina", "empieza", "encuentra", "entrega", "envía", "escanea", "espera",
    "evita", "fija", "firma", "guarda", "habla", "ingresa", "inicia", "informa", "intenta", "lleva", "llama",
    "llena", "marca", "mira", "necesita", "olvida", "paga", "pasa", "presenta", "presiona", "prueba", "quita",
    "recarga", "reclama", "registra", "regulariza", "retira", "revisa", "saca", "selecciona", "solicita", "suma",
    "toca", "toma", "usa", "valida", "verifica", "visita"
)
_ER = (
    "debe", "hace", "lee", "mete", "pone", "puede", "quiere", "recoge", "resuelve", "sabe", "tiene", "vende",
    "vuelve"
)
_IR = (
    "abre", "cubre", "decide", "describe", "elige", "escribe", "imprime", "pide", "recibe", "sigue", "sube"
)

# Third-person stems (as written above) to infinitive stems where they differ.
_STEM = {
    "aprieta": "apret", "cierra": "cerr", "empieza": "empez", "encuentra": "encontr", "prueba": "prob",
    "puede": "pod", "quiere": "quer", "resuelve": "resolv", "tiene": "ten", "vuelve": "volv", "elige": "eleg",
    "pide": "ped", "sigue": "segu", "envía": "envi",
}
# Usted imperatives that are also nouns a utility writes ("aviso de corte", "cierre de caja"): not markers.
_USTED_NOUNS = frozenset({"corte", "cierre", "pase"})
_IRREGULAR_FUTURE = {"pod": "podr", "ten": "tendr", "quer": "querr", "sab": "sabr", "pon": "pondr", "hac": "har"}


def _stem(word: str) -> str:
    return _STEM.get(word, word[:-1])


def _infinitive_stem_forms() -> tuple[set[str], set[str], set[str], set[str]]:
    """(vos only, tú only, shared by vos and tú, usted) forms generated from the verb lists."""
    vos: set[str] = set()
    tu: set[str] = set()
    both: set[str] = set()
    usted: set[str] = set()
    for third in _AR:
        plain = _stem(third).replace("í", "i")
        vos |= {plain + "á", plain + "ás"}  # "pagá", "pagás"
        both |= {plain + "aste", plain + "arás"}  # "pagaste", "pagarás"
        # usted: the third person with a -> e and the spelling kept ("paga" -> "pague", "toca" -> "toque")
        head = third[:-1]
        usted.add(head[:-1] + "que" if head.endswith("c") else head + "ue" if head.endswith("g") else
                  head[:-1] + "ce" if head.endswith("z") else head + "e")
    for third, vowel in [(w, "e") for w in _ER] + [(w, "i") for w in _IR]:
        stem = _stem(third)
        vos.add(stem + ("és" if vowel == "e" else "ís"))  # "tenés", "recibís"
        if vowel == "e":
            vos.add(stem + "é")  # "volvé", "poné" (the -ir ones, "recibí", are also the customer's "I received")
        tu.add(third + "s")  # "debes", "tienes", "recibes"
        both |= {stem + "iste", _IRREGULAR_FUTURE.get(stem, stem + ("er" if vowel == "e" else "ir")) + "ás"}
    return vos, tu, both, usted


_VOS_GEN, _TU_GEN, _BOTH_GEN, _USTED_GEN = _infinitive_stem_forms()

_VOS_WORDS = frozenset(
    {"vos", "sos", "tenés", "hacé", "decí", "vení", "andá", "salí", "tené", "fijate", "acordate",
     "comunicate", "acercate", "registrate", "llamanos", "escribinos", "contactanos", "visitanos",
     "guardala", "guardalo", "recargala", "descargala", "elegila", "pedila", "querés", "podés", "sabés"}
    | _VOS_GEN
)
_TU_WORDS = frozenset(
    {"tú", "eres", "haz", "tienes", "puedes", "quieres", "sabes", "vienes", "dices", "pones",
     "comunícate", "acércate", "regístrate", "fíjate", "acuérdate", "llámanos", "escríbenos", "contáctanos",
     "visítanos", "guárdala", "guárdalo", "recárgala", "descárgala", "elígela", "pídela", "ingrésalo"}
    | _TU_GEN
)
# Both vos and tú use these: the object pronoun, the possessives, and second-person futures and preterites.
_SECOND_PERSON_WORDS = frozenset({"te", "tu", "tus", "ti", "contigo", "estás"} | _BOTH_GEN)
_USTED_WORDS = frozenset(
    {"usted", "elija", "escriba", "pida", "reciba", "describa", "imprima", "vuelva", "ponga", "tenga", "haga",
     "diga", "venga", "sepa", "lea", "abra", "siga", "suba", "decida"}
    | (_USTED_GEN - _USTED_NOUNS)
)

FOREIGN: dict[FormOfAddress, frozenset[str]] = {
    FormOfAddress.USTED: _VOS_WORDS | _TU_WORDS | _SECOND_PERSON_WORDS,
    FormOfAddress.VOS: _TU_WORDS | _USTED_WORDS,
    FormOfAddress.TU: _VOS_WORDS | _USTED_WORDS,
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def foreign_forms(text: str, form: FormOfAddress) -> list[str]:
    """The words of `text` that address the reader in another form than `form`, in order, as written."""
    foreign = FOREIGN[form]
    return [word for word in _WORD.findall(unicodedata.normalize("NFC", text)) if word.lower() in foreign]
