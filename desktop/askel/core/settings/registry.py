"""The registry of settings, as data: one `Setting` per key, with its texts in English, Finnish and Swedish.

Add a setting here (keep the entry short); the policy templates, the JSON schema and the table in
docs/it-deployment.md are generated from this list.
"""

from __future__ import annotations

from askel.core.settings.model import (
    KEEP_USERS_CHOICE,
    LANGUAGES,
    MAX_OID_LENGTH,
    MAX_PATH_LENGTH,
    PUBLIC_KEY_LENGTH,
    Kind,
    Setting,
)
from askel.core.validation import TEXT_LIMITS


def _texts(en: str, fi: str, sv: str) -> dict[str, str]:
    return dict(zip(LANGUAGES, (en, fi, sv), strict=True))


SAFETY_INSTRUCTIONS_FI = """\
Jos asiakkaalla voi olla välitön itsetuhon tai väkivallan vaara:
- Älä jätä asiakasta yksin. Pyydä kollega avuksi.
- Ota heti yhteyttä päivystävään lääkäriin.
- Jos henki on vaarassa, soita hätänumeroon 112.

Jos vaara ei ole välitön, arvioi tilanne ja sovi asiakkaan kanssa seuraavasta yhteydenotosta. Kerro, \
mistä apua saa kaikkina vuorokaudenaikoina: terveyskeskuksen päivystys ja alueen kriisipalvelut.

Kirjaa arvio ja sovitut toimet potilaskertomukseen."""

SAFETY_INSTRUCTIONS_SV = """\
Om klienten kan vara i akut fara att skada sig själv eller någon annan:
- Lämna inte klienten ensam. Be en kollega om hjälp.
- Kontakta genast jourhavande läkare.
- Ring nödnumret 112 om livet är i fara.

Om faran inte är akut: bedöm situationen och kom överens med klienten om nästa kontakt. Berätta var man får \
hjälp dygnet runt: hälsocentralens jour och de lokala krisjänsterna.

Dokumentera bedömningen och de överenskomna åtgärderna i journalen."""

# For the client, on the handout after a risk answer: where to get help at once. The organisation adds its own services.
HANDOUT_HELP_FI = """\
Jos olet vaarassa tai ajattelet vahingoittaa itseäsi, soita hätänumeroon 112.
Päivystysapu, puh. 116 117: neuvoo, mihin hakeutua, ympäri vuorokauden.
Kriisipuhelin (MIELI ry), puh. 09 2525 0111: voit soittaa ympäri vuorokauden ja puhua nimettömänä."""

HANDOUT_HELP_SV = """\
Om du är i fara eller tänker skada dig själv, ring nödnumret 112.
Jourhjälpen, tfn 116 117: ger råd om vart du ska vända dig, dygnet runt.
Kristelefonen på svenska (MIELI rf), tfn 09 2525 0112: du kan ringa och tala anonymt."""

_HANDOUT_HELP_DESCRIPTION = _texts(
    "Printed for the client on the handout after a visit with a risk answer: where to get help at once. Check the "
    "numbers and add your local crisis services.",
    "Tulostuu asiakkaalle annettavaan ohjeeseen, jos hoitojaksolla on ollut riskivastaus: mistä saa apua heti. "
    "Tarkista numerot ja lisää alueenne kriisipalvelut.",
    "Skrivs ut på klientens utdelningsblad efter ett riskvar under vårdperioden: var man får hjälp genast. "
    "Kontrollera numren och lägg till era lokala krisjänster.",
)

_SAFETY_DESCRIPTION = _texts(
    "Instructions shown to the clinician with a risk alert (for example a PHQ-9 item 9 answer above 0). "
    "Add your local crisis services and their phone numbers.",
    "Ohje, joka näytetään työntekijälle riskihälytyksen yhteydessä (esimerkiksi kun PHQ-9:n kysymyksen 9 "
    "vastaus on yli 0). Lisää alueenne kriisipalvelut ja niiden puhelinnumerot.",
    "Anvisning som visas för den anställda tillsammans med en riskvarning (till exempel när svaret på fråga "
    "9 i PHQ-9 är över 0). Lägg till era lokala krisjänster och deras telefonnummer.",
)

_SETTINGS = (
    Setting(
        "language",
        Kind.CHOICE,
        "fi",
        choices=("fi", "sv"),
        choice_labels={
            "fi": _texts("Finnish", "Suomi", "Finska"),
            "sv": _texts("Swedish", "Ruotsi", "Svenska"),
        },
        user_editable=True,
        failsafe=KEEP_USERS_CHOICE,
        label=_texts("User interface language", "Käyttöliittymän kieli", "Användargränssnittets språk"),
        description=_texts(
            "Language of the Askel user interface. The language of client-facing texts is chosen separately "
            "for each client.",
            "Askelin käyttöliittymän kieli. Asiakkaalle näytettävien tekstien kieli valitaan erikseen "
            "kullekin asiakkaalle.",
            "Språket i Askels användargränssnitt. Språket i texter som visas för klienten väljs separat för "
            "varje klient.",
        ),
    ),
    Setting(
        "text_size",
        Kind.CHOICE,
        "100",
        choices=("100", "125", "150", "200"),
        choice_labels={size: _texts(f"{size} %", f"{size} %", f"{size} %") for size in ("100", "125", "150", "200")},
        user_editable=True,
        failsafe=KEEP_USERS_CHOICE,
        label=_texts("Text size", "Tekstin koko", "Textstorlek"),
        description=_texts(
            "Size of all text in Askel, in per cent of the normal size. Screens that no longer fit scroll.",
            "Askelin kaiken tekstin koko prosentteina tavallisesta. Näkymät, jotka eivät enää mahdu "
            "ruudulle, vierivät.",
            "Storleken på all text i Askel, i procent av den normala storleken. Vyer som inte längre ryms "
            "på skärmen kan rullas.",
        ),
    ),
    Setting(
        "auto_lock_minutes",
        Kind.INT,
        10,
        minimum=1,
        maximum=120,
        user_editable=True,
        failsafe=5,
        label=_texts(
            "Lock after inactivity (minutes)",
            "Lukitus käyttämättömyyden jälkeen (minuuttia)",
            "Låsning efter inaktivitet (minuter)",
        ),
        description=_texts(
            "Askel locks itself and asks for the passphrase again when it has not been used for this many "
            "minutes.",
            "Askel lukittuu ja kysyy tunnuslauseen uudelleen, kun sitä ei ole käytetty näin moneen "
            "minuuttiin.",
            "Askel låser sig och frågar efter lösenfrasen igen när programmet inte har använts på så här "
            "många minuter.",
        ),
    ),
    Setting(
        "passphrase_min_strength",
        Kind.INT,
        3,
        minimum=2,
        maximum=4,
        failsafe=3,
        label=_texts("Minimum passphrase strength (2–4)", "Tunnuslauseen vähimmäisvahvuus (2–4)",
                     "Lösenfrasens minsta styrka (2–4)"),
        description=_texts(
            "How hard a new passphrase must be to guess, on the zxcvbn scale: 2 about a hundred million guesses, "
            "3 about ten billion, 4 more. Applies when a vault is created, the passphrase changed or recovered.",
            "Kuinka vaikeasti arvattava uuden tunnuslauseen on oltava zxcvbn-asteikolla: 2 noin sata miljoonaa "
            "arvausta, 3 noin kymmenen miljardia, 4 enemmän. Koskee tietokannan luontia, tunnuslauseen vaihtoa ja "
            "palautusta.",
            "Hur svår en ny lösenfras måste vara att gissa, på zxcvbn-skalan: 2 ungefär hundra miljoner gissningar, "
            "3 ungefär tio miljarder, 4 fler. Gäller när ett valv skapas och när lösenfrasen byts eller återställs.",
        ),
    ),
    Setting(
        "remember_allowed",
        Kind.BOOL,
        True,
        failsafe=False,
        label=_texts(
            "Allow remembering the unlock on this computer",
            "Salli avauksen muistaminen tällä tietokoneella",
            "Tillåt att upplåsningen sparas på den här datorn",
        ),
        description=_texts(
            "When allowed, a clinician may keep the database key in the operating system's credential store "
            '("remember on this computer"), so that Askel opens without the passphrase under the same user '
            "account. When not allowed, the passphrase is always asked.",
            "Kun tämä on sallittu, työntekijä voi tallentaa tietokannan avaimen käyttöjärjestelmän "
            'tunnustietosäilöön ("muista tällä tietokoneella"), jolloin Askel avautuu samalla '
            "käyttäjätilillä ilman tunnuslausetta. Kun tämä ei ole sallittu, tunnuslause kysytään aina.",
            "När detta är tillåtet kan den anställda spara databasnyckeln i operativsystemets lagring för "
            'inloggningsuppgifter ("kom ihåg på den här datorn"), så att Askel öppnas utan lösenfras under '
            "samma användarkonto. När det inte är tillåtet frågas alltid efter lösenfrasen.",
        ),
    ),
    Setting(
        "clipboard_clear_seconds",
        Kind.INT,
        60,
        minimum=0,
        maximum=3600,
        failsafe=30,
        label=_texts(
            "Clear the clipboard after (seconds)",
            "Leikepöydän tyhjennys (sekunnin kuluttua)",
            "Töm urklipp efter (sekunder)",
        ),
        description=_texts(
            "Text that Askel copies to the clipboard, such as a patient record entry, is removed from the "
            "clipboard after this many seconds. 0 = never cleared.",
            "Askelin leikepöydälle kopioima teksti, kuten potilaskertomukseen liitettävä merkintä, "
            "poistetaan leikepöydältä näin monen sekunnin kuluttua. 0 = ei tyhjennetä.",
            "Text som Askel kopierar till urklipp, till exempel en journalanteckning, tas bort från urklipp "
            "efter så här många sekunder. 0 = töms aldrig.",
        ),
    ),
    Setting(
        "export_drop_folder",
        Kind.PATH,
        "",
        max_length=MAX_PATH_LENGTH,
        label=_texts("Export folder", "Vientikansio", "Exportmapp"),
        description=_texts(
            "Folder where exported files (patient record text, PDF, FHIR) are saved by default, for example "
            "a network share read by the patient record system. Empty = the user chooses the folder each "
            "time.",
            "Kansio, johon viedyt tiedostot (kertomusteksti, PDF, FHIR) tallennetaan oletuksena, esimerkiksi "
            "potilastietojärjestelmän lukema verkkolevy. Tyhjä = käyttäjä valitsee kansion joka kerta.",
            "Mapp där exporterade filer (journaltext, PDF, FHIR) sparas som standard, till exempel en "
            "nätverksmapp som patientdatasystemet läser. Tom = användaren väljer mapp varje gång.",
        ),
    ),
    Setting(
        "export_recipient_key",
        Kind.PUBLIC_KEY,
        "",
        max_length=PUBLIC_KEY_LENGTH,
        label=_texts(
            "Export encryption key (recipient)",
            "Viennin salausavain (vastaanottaja)",
            "Krypteringsnyckel för export (mottagare)",
        ),
        description=_texts(
            "Base64-encoded X25519 public key. When set, exported files are encrypted to this recipient, "
            "for example the organisation's integration service. Empty = exports are not encrypted to a "
            "recipient.",
            "Base64-muotoinen X25519-julkinen avain. Kun avain on asetettu, viedyt tiedostot salataan tälle "
            "vastaanottajalle, esimerkiksi organisaation integraatiopalvelulle. Tyhjä = vientejä ei salata "
            "vastaanottajalle.",
            "Base64-kodad offentlig X25519-nyckel. När nyckeln är angiven krypteras exporterade filer till "
            "denna mottagare, till exempel organisationens integrationstjänst. Tom = exporter krypteras inte "
            "till någon mottagare.",
        ),
    ),
    Setting(
        "recovery_public_key",
        Kind.PUBLIC_KEY,
        "",
        max_length=PUBLIC_KEY_LENGTH,
        label=_texts(
            "Organisation recovery key", "Organisaation palautusavain", "Organisationens återställningsnyckel"
        ),
        description=_texts(
            "Base64-encoded X25519 public key of the organisation. When set, every local database key is "
            "also sealed to this key, so that IT can recover the data if a clinician forgets the "
            "passphrase. Keep the private key offline.",
            "Organisaation Base64-muotoinen X25519-julkinen avain. Kun avain on asetettu, jokainen "
            "paikallisen tietokannan avain sinetöidään myös tälle avaimelle, jotta IT voi palauttaa tiedot, "
            "jos työntekijä unohtaa tunnuslauseensa. Säilytä yksityinen avain verkosta erillään.",
            "Organisationens Base64-kodade offentliga X25519-nyckel. När nyckeln är angiven förseglas varje "
            "lokal databasnyckel även med denna nyckel, så att IT kan återställa uppgifterna om en anställd "
            "glömmer sin lösenfras. Förvara den privata nyckeln frånkopplad från nätet.",
        ),
    ),
    Setting(
        "trusted_pack_keys",
        Kind.PUBLIC_KEY_LIST,
        (),
        label=_texts(
            "Trusted content pack signing keys",
            "Luotetut sisältöpakettien allekirjoitusavaimet",
            "Betrodda signeringsnycklar för innehållspaket",
        ),
        description=_texts(
            "Base64-encoded Ed25519 public keys, one per entry. Askel loads a content pack only if it is "
            "signed by one of these keys. Empty = no content packs are loaded.",
            "Base64-muotoiset Ed25519-julkiset avaimet, yksi kuhunkin kohtaan. Askel ottaa sisältöpaketin "
            "käyttöön vain, jos se on allekirjoitettu jollakin näistä avaimista. Tyhjä = sisältöpaketteja ei "
            "oteta käyttöön.",
            "Base64-kodade offentliga Ed25519-nycklar, en per post. Askel läser in ett innehållspaket "
            "endast om det är signerat med någon av dessa nycklar. Tom = inga innehållspaket läses in.",
        ),
    ),
    Setting(
        "organisation_oid",
        Kind.OID,
        "",
        max_length=MAX_OID_LENGTH,
        label=_texts("Organisation OID", "Organisaation OID-tunnus", "Organisationens OID"),
        description=_texts(
            "Object identifier (OID) of the organisation or unit in the national register of social and health "
            "care organisations, such as 1.2.246.10.12345678.10.1: digits separated by dots. FHIR exports "
            "identify the organisation by it.",
            "Organisaation tai yksikön OID-tunnus sosiaali- ja terveydenhuollon organisaatiorekisterissä, "
            "esimerkiksi 1.2.246.10.12345678.10.1: numeroita pisteillä erotettuina. FHIR-vienneissä "
            "organisaatio tunnistetaan sen avulla.",
            "Organisationens eller enhetens OID i registret över social- och hälsovårdsorganisationer, till "
            "exempel 1.2.246.10.12345678.10.1: siffror åtskilda av punkter. I FHIR-exporter identifieras "
            "organisationen med den.",
        ),
    ),
    Setting(
        "temporary_id_root",
        Kind.OID,
        "",
        max_length=MAX_OID_LENGTH,
        label=_texts("Root of temporary identifiers", "Väliaikaisten tunnisteiden juuri",
                     "Rot för tillfälliga identifierare"),
        description=_texts(
            "The OID under which the organisation issues temporary personal identifiers, without the year, "
            "such as 1.2.246.10.12345678.22. FHIR exports add the year. Empty = a temporary identifier is "
            "left out of FHIR exports.",
            "OID, jonka alla organisaatio antaa väliaikaiset henkilötunnisteet, ilman vuotta, esimerkiksi "
            "1.2.246.10.12345678.22. FHIR-viennit lisäävät vuoden. Tyhjä = väliaikainen tunniste jätetään "
            "pois FHIR-vienneistä.",
            "OID under vilken organisationen ger tillfälliga personidentifierare, utan år, till exempel "
            "1.2.246.10.12345678.22. FHIR-exporter lägger till året. Tom = en tillfällig identifierare "
            "utelämnas ur FHIR-exporter.",
        ),
    ),
    Setting(
        "test_identity_codes",
        Kind.BOOL,
        False,
        label=_texts("Test environment: 900-999 codes are test identity codes",
                     "Testiympäristö: 900-999-tunnukset ovat testihenkilötunnuksia",
                     "Testmiljö: 900-999-koder är testpersonbeteckningar"),
        description=_texts(
            "On: identity codes with an individual number 900-999 are exported as test codes under the "
            "national system, as a test environment of the patient record expects. Off: they are temporary "
            "identifiers of this organisation.",
            "Päällä: henkilötunnukset, joiden yksilönumero on 900-999, viedään testitunnuksina kansallisen "
            "järjestelmän alla, kuten potilastietojärjestelmän testiympäristö odottaa. Pois: ne ovat "
            "organisaation väliaikaisia tunnisteita.",
            "På: personbeteckningar med individnummer 900-999 exporteras som testbeteckningar under det "
            "nationella systemet, som journalsystemets testmiljö väntar sig. Av: de är organisationens "
            "tillfälliga identifierare.",
        ),
    ),
    Setting(
        "record_accepts_unicode",
        Kind.BOOL,
        False,
        label=_texts("The patient record accepts all characters", "Potilaskertomus hyväksyy kaikki merkit",
                     "Journalen accepterar alla tecken"),
        description=_texts(
            "Off: the text entry is checked against the Latin-9 character set that some record systems still "
            "use, and characters they may reject are shown before copying. On: the record takes full Unicode.",
            "Pois: kertomusteksti tarkistetaan Latin-9-merkistöä vasten, jota osa potilastietojärjestelmistä "
            "yhä käyttää, ja merkit, joita ne voivat hylätä, näytetään ennen kopiointia. Päällä: kertomus "
            "hyväksyy kaikki Unicode-merkit.",
            "Av: journaltexten kontrolleras mot teckenuppsättningen Latin-9 som en del journalsystem ännu "
            "använder, och tecken som de kan avvisa visas före kopieringen. På: journalen tar emot all Unicode.",
        ),
    ),
    Setting(
        "record_headings_file",
        Kind.PATH,
        "",
        max_length=MAX_PATH_LENGTH,
        label=_texts("Record headings file", "Kertomuksen otsikkotiedosto", "Fil med journalrubriker"),
        description=_texts(
            "A YAML file with the organisation's headings of the record entry by profession (the shape of "
            "resources/record/headings.yaml). Empty = the headings shipped with Askel.",
            "YAML-tiedosto, jossa ovat organisaation kertomusmerkinnän otsikot ammattiryhmittäin "
            "(muoto kuten resources/record/headings.yaml). Tyhjä = Askelin mukana tulevat otsikot.",
            "En YAML-fil med organisationens rubriker för journalanteckningen per yrkesgrupp (formen som "
            "resources/record/headings.yaml). Tom = rubrikerna som följer med Askel.",
        ),
    ),
    Setting(
        "organisation_name",
        Kind.TEXT,
        "",
        max_length=TEXT_LIMITS["organisation_name"],
        label=_texts("Organisation name", "Organisaation nimi", "Organisationens namn"),
        description=_texts(
            "Shown in reports and exports, for example the name of the wellbeing services county.",
            "Näytetään raporteissa ja vienneissä, esimerkiksi hyvinvointialueen nimi.",
            "Visas i rapporter och exporter, till exempel välfärdsområdets namn.",
        ),
    ),
    Setting(
        "unit_code",
        Kind.TEXT,
        "",
        max_length=40,
        label=_texts("Unit code", "Yksikön tunnus", "Enhetens kod"),
        description=_texts(
            "The unit's code in the county's regional data set (for example its SOTE organisation code).",
            "Yksikön tunnus hyvinvointialueen alueellisessa aineistossa (esimerkiksi sen SOTE-organisaatiotunnus).",
            "Enhetens kod i välfärdsområdets regionala datamängd (till exempel dess SOTE-organisationskod).",
        ),
    ),
    Setting(
        "region_recipient_key",
        Kind.PUBLIC_KEY,
        "",
        max_length=PUBLIC_KEY_LENGTH,
        label=_texts("Regional data set key", "Alueellisen aineiston avain", "Nyckel för regional datamängd"),
        description=_texts(
            "Base64 X25519 public key of the regional coordinator (askel region keygen). Regional data sets are "
            "encrypted to it; without it none can be made.",
            "Alueellisen koordinaattorin Base64-muotoinen X25519-julkinen avain (askel region keygen). "
            "Alueelliset aineistot salataan sille; ilman sitä aineistoa ei voi tehdä.",
            "Den regionala koordinatorns Base64-kodade offentliga X25519-nyckel (askel region keygen). Regionala "
            "datamängder krypteras till den; utan den kan ingen göras.",
        ),
    ),
    Setting(
        "statistics_period",
        Kind.CHOICE,
        "year",
        choices=("month", "quarter", "half", "year"),
        choice_labels={
            "month": _texts("Month", "Kuukausi", "Månad"),
            "quarter": _texts("Quarter", "Vuosineljännes", "Kvartal"),
            "half": _texts("Half-year", "Vuosipuolisko", "Halvår"),
            "year": _texts("Year", "Vuosi", "År"),
        },
        label=_texts("Statistics period", "Tilastojen ajanjakso", "Statistikens period"),
        description=_texts(
            "The one kind of calendar period that statistics and regional reports are published for. Tables of "
            "periods that nest (a half-year and one of its quarters) could be subtracted to show one client.",
            "Ainoa kalenterijakson laji, jolta tilastot ja alueelliset raportit julkaistaan. Sisäkkäisten "
            "jaksojen (vuosipuoliskon ja sen vuosineljänneksen) taulukot voisi vähentää toisistaan, jolloin "
            "yksi asiakas paljastuisi.",
            "Det enda slaget av kalenderperiod som statistik och regionala rapporter publiceras för. Tabeller "
            "för perioder inom varandra (ett halvår och ett av dess kvartal) kunde dras från varandra så att en "
            "klient syns.",
        ),
    ),
    Setting(
        "region_store",
        Kind.TEXT,
        "",
        max_length=MAX_PATH_LENGTH,
        label=_texts("Regional store", "Alueellinen tietokanta", "Regional databas"),
        description=_texts(
            "The coordinator's store that askel region opens: a file path, or a postgresql+psycopg:// URL "
            "without a password. Empty = region.db in the data folder's region folder.",
            "Koordinaattorin tietokanta, jonka askel region avaa: tiedostopolku tai postgresql+psycopg://-osoite "
            "ilman salasanaa. Tyhjä = region.db datakansion region-kansiossa.",
            "Koordinatorns databas som askel region öppnar: en filsökväg eller en postgresql+psycopg://-adress "
            "utan lösenord. Tom = region.db i datamappens region-mapp.",
        ),
    ),
    Setting(
        "safety_instructions_fi",
        Kind.MULTILINE_TEXT,
        SAFETY_INSTRUCTIONS_FI,
        max_length=TEXT_LIMITS["safety_instructions"],
        label=_texts(
            "Safety instructions (Finnish)", "Turvallisuusohje (suomeksi)", "Säkerhetsanvisning (på finska)"
        ),
        description=_SAFETY_DESCRIPTION,
    ),
    Setting(
        "safety_instructions_sv",
        Kind.MULTILINE_TEXT,
        SAFETY_INSTRUCTIONS_SV,
        max_length=TEXT_LIMITS["safety_instructions"],
        label=_texts(
            "Safety instructions (Swedish)", "Turvallisuusohje (ruotsiksi)", "Säkerhetsanvisning (på svenska)"
        ),
        description=_SAFETY_DESCRIPTION,
    ),
    Setting(
        "handout_help_fi",
        Kind.MULTILINE_TEXT,
        HANDOUT_HELP_FI,
        max_length=TEXT_LIMITS["safety_instructions"],
        label=_texts("Where to get help, on the client's handout (Finnish)", "Mistä apua, asiakkaan ohjeessa "
                     "(suomeksi)", "Var man får hjälp, på klientens utdelningsblad (på finska)"),
        description=_HANDOUT_HELP_DESCRIPTION,
    ),
    Setting(
        "handout_help_sv",
        Kind.MULTILINE_TEXT,
        HANDOUT_HELP_SV,
        max_length=TEXT_LIMITS["safety_instructions"],
        label=_texts("Where to get help, on the client's handout (Swedish)", "Mistä apua, asiakkaan ohjeessa "
                     "(ruotsiksi)", "Var man får hjälp, på klientens utdelningsblad (på svenska)"),
        description=_HANDOUT_HELP_DESCRIPTION,
    ),
    Setting(
        "outcome_preset",
        Kind.CHOICE,
        "nhs",
        choices=("nhs", "fi_regional"),
        choice_labels={
            "nhs": _texts("NHS Talking Therapies", "NHS Talking Therapies", "NHS Talking Therapies"),
            "fi_regional": _texts(
                "Finnish regional model", "Suomalainen alueellinen malli", "Finländsk regional modell"
            ),
        },
        label=_texts("Outcome rules", "Tuloksellisuuden säännöt", "Regler för behandlingsresultat"),
        description=_texts(
            "Thresholds for recovery and reliable change in statistics: NHS Talking Therapies, or the "
            "Finnish regional model (remission PHQ-9 below 5, meaningful change a drop of at least 5 "
            "points).",
            "Toipumisen ja luotettavan muutoksen raja-arvot tilastoissa: NHS Talking Therapies tai "
            "suomalainen alueellinen malli (remissio PHQ-9 alle 5, merkittävä muutos vähintään 5 pisteen "
            "lasku).",
            "Tröskelvärden för återhämtning och tillförlitlig förändring i statistiken: NHS Talking "
            "Therapies eller den finländska regionala modellen (remission PHQ-9 under 5, betydande "
            "förändring en minskning med minst 5 poäng).",
        ),
    ),
    Setting(
        "retention_days",
        Kind.INT,
        0,
        minimum=0,
        maximum=3650,
        label=_texts(
            "Keep finished courses (days)",
            "Päättyneiden hoitojaksojen säilytysaika (päivää)",
            "Lagringstid för avslutade vårdperioder (dagar)",
        ),
        description=_texts(
            "A finished course is removed from this computer this many days after its export to the patient "
            "record was confirmed. 0 = kept until removed by hand. The patient record, not Askel, is the "
            "official record.",
            "Päättynyt hoitojakso poistetaan tältä tietokoneelta näin monen päivän kuluttua siitä, kun sen "
            "vienti potilaskertomukseen on vahvistettu. 0 = säilytetään, kunnes se poistetaan käsin. "
            "Virallinen asiakirja on potilaskertomus, ei Askel.",
            "En avslutad vårdperiod tas bort från den här datorn så här många dagar efter att exporten till "
            "journalen har bekräftats. 0 = behålls tills den tas bort manuellt. Den officiella handlingen är "
            "journalen, inte Askel.",
        ),
    ),
    Setting(
        "backup_keep",
        Kind.INT,
        10,
        minimum=1,
        maximum=100,
        label=_texts(
            "Number of backups to keep",
            "Säilytettävien varmuuskopioiden määrä",
            "Antal säkerhetskopior som sparas",
        ),
        description=_texts(
            "Askel keeps this many encrypted backups of the database and removes older ones.",
            "Askel säilyttää näin monta salattua varmuuskopiota tietokannasta ja poistaa vanhemmat.",
            "Askel sparar så här många krypterade säkerhetskopior av databasen och tar bort äldre.",
        ),
    ),
    Setting(
        "backup_interval_hours",
        Kind.INT,
        24,
        minimum=0,
        maximum=168,
        label=_texts(
            "Backup interval (hours)",
            "Varmuuskopioinnin väli (tuntia)",
            "Intervall för säkerhetskopiering (timmar)",
        ),
        description=_texts(
            "An encrypted backup is made when Askel is used and this many hours have passed since the "
            "previous one. 0 = no scheduled backups (a backup is still made before every database upgrade).",
            "Salattu varmuuskopio tehdään, kun Askelia käytetään ja edellisestä varmuuskopiosta on kulunut "
            "näin monta tuntia. 0 = ei ajastettuja varmuuskopioita (varmuuskopio tehdään silti aina ennen "
            "tietokannan päivitystä).",
            "En krypterad säkerhetskopia görs när Askel används och så här många timmar har gått sedan den "
            "föregående. 0 = inga schemalagda säkerhetskopior (en säkerhetskopia görs ändå alltid före en "
            "uppgradering av databasen).",
        ),
    ),
    Setting(
        "self_completion_one_per_page",
        Kind.BOOL,
        True,
        user_editable=True,
        failsafe=KEEP_USERS_CHOICE,
        label=_texts(
            "Client self-completion: one question per page",
            "Asiakkaan itsetäyttö: yksi kysymys sivulla",
            "Klientens egen ifyllning: en fråga per sida",
        ),
        description=_texts(
            "When a client fills in a questionnaire on this computer, the questions are shown one at a time. "
            "Otherwise all questions are shown on one scrolling page.",
            "Kun asiakas täyttää kyselyn tällä tietokoneella, kysymykset näytetään yksi kerrallaan. Muuten "
            "kaikki kysymykset näytetään samalla vieritettävällä sivulla.",
            "När en klient fyller i ett frågeformulär på den här datorn visas frågorna en i taget. Annars "
            "visas alla frågor på samma rullbara sida.",
        ),
    ),
    Setting(
        "block_screen_capture",
        Kind.BOOL,
        False,
        failsafe=True,
        label=_texts(
            "Hide Askel from screenshots and screen sharing (Windows)",
            "Piilota Askel kuvakaappauksista ja näytön jakamisesta (Windows)",
            "Dölj Askel i skärmbilder och skärmdelning (Windows)",
        ),
        description=_texts(
            "On Windows 10 version 2004 and later, Askel's windows stay visible on the monitor but are left out "
            "of screenshots, recordings and screen sharing in remote meetings. No effect on other systems.",
            "Windows 10:n versiosta 2004 alkaen Askelin ikkunat näkyvät näytöllä mutta jäävät pois "
            "kuvakaappauksista, tallenteista ja etäkokousten näytön jakamisesta. Ei vaikutusta muissa "
            "käyttöjärjestelmissä.",
            "Från Windows 10 version 2004 syns Askels fönster på skärmen men utelämnas från skärmbilder, "
            "inspelningar och skärmdelning i distansmöten. Ingen effekt på andra system.",
        ),
    ),
)

REGISTRY: dict[str, Setting] = {setting.key: setting for setting in _SETTINGS}

# Settings Askel no longer has: a policy or user file written for an older version may still name them, and they
# are ignored without a problem. `update_check` (until 0.1): Askel never contacts a network; IT distributes updates.
RETIRED_KEYS = frozenset({"update_check"})
