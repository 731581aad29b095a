"""The one-time handover code: six words that a clinician reads aloud or gives in person, never stored.

The words come from one list of 256 pairs, each a common, concrete Finnish word and the Swedish word for the same
thing, written for Askel. A code is six positions in the list (48 bits), so the same code can be read out in
Finnish or in Swedish and typed back in either, or mixed: "karhu äpple …" is the same code as "björn omena …".
Typing is forgiving: case, å/ä/ö typed as a/a/o, and spaces, hyphens, commas or full stops between words.

Nothing here knows cryptography: `HandoverCode.secret()` is the text a key is derived from (Argon2id, in the
handover file's own parameters; see askel.export.handover). The order of WORDS is part of every handover file
ever written, so the list is frozen: a test fails when an entry changes.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass

from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message

CODE_WORDS = 6
LANGUAGES = ("fi", "sv")
_CONTEXT = "HandoverCode"

# (Finnish, Swedish), in a fixed order: position i is the same word in both languages.
WORDS: tuple[tuple[str, str], ...] = (
    ("karhu", "björn"),
    ("susi", "varg"),
    ("kettu", "räv"),
    ("jänis", "hare"),
    ("orava", "ekorre"),
    ("hirvi", "älg"),
    ("peura", "hjort"),
    ("majava", "bäver"),
    ("saukko", "utter"),
    ("siili", "igelkott"),
    ("hevonen", "häst"),
    ("koira", "hund"),
    ("kana", "höna"),
    ("ankka", "anka"),
    ("joutsen", "svan"),
    ("kotka", "örn"),
    ("pöllö", "uggla"),
    ("varis", "kråka"),
    ("lokki", "mås"),
    ("kala", "fisk"),
    ("lohi", "lax"),
    ("hauki", "gädda"),
    ("ahven", "abborre"),
    ("sammakko", "groda"),
    ("perhonen", "fjäril"),
    ("etana", "snigel"),
    ("hylje", "säl"),
    ("delfiini", "delfin"),
    ("norsu", "elefant"),
    ("kirahvi", "giraff"),
    ("seepra", "sebra"),
    ("leijona", "lejon"),
    ("tiikeri", "tiger"),
    ("apina", "apa"),
    ("pingviini", "pingvin"),
    ("kameli", "kamel"),
    ("papukaija", "papegoja"),
    ("kyyhky", "duva"),
    ("kurki", "trana"),
    ("hanhi", "gås"),
    ("mänty", "tall"),
    ("koivu", "björk"),
    ("vaahtera", "lönn"),
    ("pihlaja", "rönn"),
    ("haapa", "asp"),
    ("ruusu", "ros"),
    ("tulppaani", "tulpan"),
    ("voikukka", "maskros"),
    ("sammal", "mossa"),
    ("ruoho", "gräs"),
    ("lehti", "löv"),
    ("kukka", "blomma"),
    ("marja", "bär"),
    ("mustikka", "blåbär"),
    ("puolukka", "lingon"),
    ("mansikka", "jordgubbe"),
    ("vadelma", "hallon"),
    ("sieni", "svamp"),
    ("käpy", "kotte"),
    ("omena", "äpple"),
    ("päärynä", "päron"),
    ("banaani", "banan"),
    ("appelsiini", "apelsin"),
    ("sitruuna", "citron"),
    ("luumu", "plommon"),
    ("kirsikka", "körsbär"),
    ("meloni", "melon"),
    ("ananas", "ananas"),
    ("porkkana", "morot"),
    ("peruna", "potatis"),
    ("tomaatti", "tomat"),
    ("kurkku", "gurka"),
    ("sipuli", "lök"),
    ("herne", "ärt"),
    ("papu", "böna"),
    ("kaali", "kål"),
    ("kurpitsa", "pumpa"),
    ("maissi", "majs"),
    ("riisi", "ris"),
    ("leipä", "bröd"),
    ("juusto", "ost"),
    ("maito", "mjölk"),
    ("puuro", "gröt"),
    ("keitto", "soppa"),
    ("pulla", "bulle"),
    ("kakku", "tårta"),
    ("keksi", "kex"),
    ("hunaja", "honung"),
    ("sokeri", "socker"),
    ("suola", "salt"),
    ("pippuri", "peppar"),
    ("kaneli", "kanel"),
    ("kahvi", "kaffe"),
    ("mehu", "saft"),
    ("lettu", "plätt"),
    ("vohveli", "våffla"),
    ("pähkinä", "nöt"),
    ("rusina", "russin"),
    ("makkara", "korv"),
    ("kinkku", "skinka"),
    ("talo", "hus"),
    ("mökki", "stuga"),
    ("ovi", "dörr"),
    ("ikkuna", "fönster"),
    ("katto", "tak"),
    ("lattia", "golv"),
    ("seinä", "vägg"),
    ("portaat", "trappa"),
    ("tuoli", "stol"),
    ("pöytä", "bord"),
    ("sänky", "säng"),
    ("sohva", "soffa"),
    ("matto", "matta"),
    ("tyyny", "kudde"),
    ("peitto", "täcke"),
    ("lamppu", "lampa"),
    ("kynttilä", "ljus"),
    ("kello", "klocka"),
    ("peili", "spegel"),
    ("kaappi", "skåp"),
    ("hylly", "hylla"),
    ("laatikko", "låda"),
    ("kori", "korg"),
    ("kassi", "kasse"),
    ("lusikka", "sked"),
    ("haarukka", "gaffel"),
    ("lautanen", "tallrik"),
    ("kuppi", "kopp"),
    ("muki", "mugg"),
    ("kattila", "kastrull"),
    ("pannu", "panna"),
    ("kannu", "kanna"),
    ("pullo", "flaska"),
    ("lasi", "glas"),
    ("kirja", "bok"),
    ("kynä", "penna"),
    ("paperi", "papper"),
    ("kirje", "brev"),
    ("kortti", "kort"),
    ("kartta", "karta"),
    ("nappi", "knapp"),
    ("lanka", "tråd"),
    ("sateenvarjo", "paraply"),
    ("laukku", "väska"),
    ("reppu", "ryggsäck"),
    ("hattu", "hatt"),
    ("kenkä", "sko"),
    ("saapas", "stövel"),
    ("sukka", "strumpa"),
    ("lapanen", "vante"),
    ("huivi", "sjal"),
    ("takki", "jacka"),
    ("paita", "skjorta"),
    ("mekko", "klänning"),
    ("pyörä", "cykel"),
    ("auto", "bil"),
    ("bussi", "buss"),
    ("juna", "tåg"),
    ("vene", "båt"),
    ("traktori", "traktor"),
    ("pallo", "boll"),
    ("nukke", "docka"),
    ("leija", "drake"),
    ("kitara", "gitarr"),
    ("piano", "piano"),
    ("kantele", "kantele"),
    ("viulu", "fiol"),
    ("huilu", "flöjt"),
    ("radio", "radio"),
    ("puhelin", "telefon"),
    ("vasara", "hammare"),
    ("lapio", "spade"),
    ("saippua", "tvål"),
    ("pyyhe", "handduk"),
    ("harja", "borste"),
    ("tiili", "tegel"),
    ("aurinko", "sol"),
    ("kuu", "måne"),
    ("tähti", "stjärna"),
    ("pilvi", "moln"),
    ("sade", "regn"),
    ("lumi", "snö"),
    ("tuuli", "vind"),
    ("sumu", "dimma"),
    ("taivas", "himmel"),
    ("meri", "hav"),
    ("järvi", "sjö"),
    ("joki", "älv"),
    ("puro", "bäck"),
    ("lähde", "källa"),
    ("koski", "fors"),
    ("niemi", "udde"),
    ("ranta", "strand"),
    ("vuori", "berg"),
    ("mäki", "backe"),
    ("laakso", "dal"),
    ("kallio", "klippa"),
    ("kivi", "sten"),
    ("hiekka", "sand"),
    ("savi", "lera"),
    ("metsä", "skog"),
    ("niitty", "äng"),
    ("pelto", "åker"),
    ("kesä", "sommar"),
    ("syksy", "höst"),
    ("talvi", "vinter"),
    ("aamu", "morgon"),
    ("ilta", "kväll"),
    ("salama", "blixt"),
    ("kirjasto", "bibliotek"),
    ("koulu", "skola"),
    ("tori", "torg"),
    ("silta", "bro"),
    ("tie", "väg"),
    ("polku", "stig"),
    ("puisto", "park"),
    ("satama", "hamn"),
    ("majakka", "fyr"),
    ("mylly", "kvarn"),
    ("torni", "torn"),
    ("linna", "slott"),
    ("kaivo", "brunn"),
    ("kaupunki", "stad"),
    ("sauna", "bastu"),
    ("laulu", "visa"),
    ("tanssi", "dans"),
    ("leikki", "lek"),
    ("runo", "dikt"),
    ("tarina", "saga"),
    ("kuva", "bild"),
    ("lahja", "present"),
    ("juhla", "fest"),
    ("unelma", "dröm"),
    ("ystävä", "vän"),
    ("rauha", "fred"),
    ("kruunu", "krona"),
    ("sormus", "ring"),
    ("helmi", "pärla"),
    ("kulta", "guld"),
    ("hopea", "silver"),
    ("kompassi", "kompass"),
    ("ankkuri", "ankare"),
    ("purje", "segel"),
    ("teltta", "tält"),
    ("sukset", "skidor"),
    ("luistimet", "skridskor"),
    ("kelkka", "kälke"),
    ("kiikari", "kikare"),
    ("kamera", "kamera"),
    ("tasku", "ficka"),
    ("vyö", "bälte"),
    ("väri", "färg"),
    ("liitu", "krita"),
    ("naula", "spik"),
    ("ketju", "kedja"),
    ("lyhty", "lykta"),
)


def _fold(word: str) -> str:
    """The form a typed word is compared in: NFC, lower case, å/ä/ö as a/a/o."""
    return unicodedata.normalize("NFC", word).casefold().translate(_FOLD)


_FOLD = str.maketrans("åäö", "aao")
_INDEX = {_fold(word): index for index, pair in enumerate(WORDS) for word in pair}
_SEPARATORS = re.compile(r"[\s,.;:/_\-–—]+")


class CodeError(ValueError):
    """A typed code that cannot be one: `.message` says why, in the user's language (no client data)."""

    def __init__(self, msg: Message):
        self.message = msg
        super().__init__(msg.english())


@dataclass(frozen=True)
class HandoverCode:
    indices: tuple[int, ...]

    def words(self, language: str) -> list[str]:
        column = LANGUAGES.index(language) if language in LANGUAGES else 0
        return [WORDS[index][column] for index in self.indices]

    def text(self, language: str) -> str:
        return " ".join(self.words(language))

    def secret(self) -> str:
        """What the file key is derived from: the positions, so that either language gives the same key."""
        return "askel-handover-code:" + ".".join(str(index) for index in self.indices)


def new_code() -> HandoverCode:
    return HandoverCode(tuple(secrets.randbelow(len(WORDS)) for _ in range(CODE_WORDS)))


def parse_code(text: str) -> HandoverCode:
    """The code typed or read from a file, in Finnish, Swedish or both; CodeError with one line when it is not one."""
    typed = [part for part in _SEPARATORS.split(text.strip()) if part]
    unknown = [part for part in typed if _fold(part) not in _INDEX]
    if unknown:
        raise CodeError(message(_CONTEXT, QT_TRANSLATE_NOOP(
            "HandoverCode", "\u201c{word}\u201d is not one of the code words. Check the spelling."), word=unknown[0][:40]))
    if len(typed) != CODE_WORDS:
        raise CodeError(message(_CONTEXT, QT_TRANSLATE_NOOP(
            "HandoverCode", "The code has {count} words; it should have six."), count=len(typed)))
    return HandoverCode(tuple(_INDEX[_fold(part)] for part in typed))
