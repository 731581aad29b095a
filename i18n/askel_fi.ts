<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Askel</source>
        <translation>Tietoja Askelista</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versio {version}</translation>
    </message>
    <message>
        <source>Askel is free software, licensed under the European Union Public Licence, version 1.2 (EUPL-1.2). You may use, copy, share and change it on the terms of the licence, which is equally valid in every official language of the EU, Finnish and Swedish included. Askel comes with no warranty, to the extent the law allows.</source>
        <translation>Askel on vapaa ohjelmisto, jonka lisenssi on Euroopan unionin yleinen lisenssi, versio 1.2 (EUPL-1.2). Saat käyttää, kopioida, jakaa ja muuttaa sitä lisenssin ehtojen mukaisesti. Lisenssi on yhtä pätevä kaikilla EU:n virallisilla kielillä, myös suomeksi ja ruotsiksi. Askelille ei anneta takuuta siinä määrin kuin laki sallii.</translation>
    </message>
    <message>
        <source>Their licence texts are in the folder {folder}.</source>
        <translation>Niiden lisenssitekstit ovat kansiossa {folder}.</translation>
    </message>
    <message>
        <source>Their licence texts are in the licenses folder of the installed program.</source>
        <translation>Niiden lisenssitekstit ovat asennetun ohjelman licenses-kansiossa.</translation>
    </message>
    <message>
        <source>Askel includes free software by others, each under its own licence: Qt and PySide6 (GNU LGPL 3), Python (PSF licence), SQLCipher (BSD), OpenSSL (Apache 2.0) and others.</source>
        <translation>Askelissa on muiden tekemiä vapaita ohjelmistoja, kukin omalla lisenssillään: Qt ja PySide6 (GNU LGPL 3), Python (PSF-lisenssi), SQLCipher (BSD), OpenSSL (Apache 2.0) ja muita.</translation>
    </message>
    <message>
        <source>&amp;Licence text (EUPL-1.2, in English)</source>
        <translation>&amp;Lisenssin teksti (EUPL-1.2, englanniksi)</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Lisenssin teksti</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>Add a member</source>
        <translation>Lisää ryhmäläinen</translation>
    </message>
    <message>
        <source>Add a member to {group}</source>
        <translation>Lisää ryhmäläinen: {group}</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Asiakas</translation>
    </message>
    <message>
        <source>Search by name, identity code or birth date. A new client is added on the client list first.</source>
        <translation>Hae nimellä, henkilötunnuksella tai syntymäajalla. Uusi asiakas lisätään ensin asiakaslistalla.</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>Löydetyt asiakkaat</translation>
    </message>
    <message>
        <source>&amp;Joined on</source>
        <translation>&amp;Liittyi</translation>
    </message>
    <message>
        <source>&amp;Need established (therapy guarantee)</source>
        <translation>&amp;Hoidon tarve todettu (terapiatakuu)</translation>
    </message>
    <message>
        <source>When the client has no waiting course of the method. Leave empty if not recorded.</source>
        <translation>Jos asiakkaalla ei ole jonossa tämän menetelmän hoitojaksoa. Jätä tyhjäksi, jos tarvetta ei ole kirjattu.</translation>
    </message>
    <message>
        <source>&amp;Why the client joins late</source>
        <translation>&amp;Miksi asiakas liittyy myöhemmin</translation>
    </message>
    <message>
        <source>The group has already met; the reason goes into the client&apos;s record.</source>
        <translation>Ryhmä on jo kokoontunut; syy kirjataan asiakkaan potilaskertomukseen.</translation>
    </message>
    <message>
        <source>Add to the group</source>
        <translation>Lisää ryhmään</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Choose the client from the list.</source>
        <translation>Valitse asiakas listasta.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Päivämäärä ei voi olla tulevaisuudessa.</translation>
    </message>
</context>
<context>
    <name>AttendanceList</name>
    <message>
        <source>Came</source>
        <translation>Läsnä</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Peruttu</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Ei saapunut</translation>
    </message>
    <message>
        <source>– not marked</source>
        <translation>– ei merkitty</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Läsnäolo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Kotitehtävä</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Muistiinpano</translation>
    </message>
</context>
<context>
    <name>CaseSummaryDialog</name>
    <message>
        <source>Case summary for mentoring</source>
        <translation>Tapausyhteenveto mentorointiin</translation>
    </message>
    <message>
        <source>{method} · {count} sessions held</source>
        <translation>{method} · {count} tapaamista pidetty</translation>
    </message>
    <message>
        <source>An anonymised summary of this course to take to a mentoring meeting: the method, the focus area, the agenda items done and skipped in each session, and the scores. It leaves out the client&apos;s name, identity code, birth date, school, identifier, all dates and your session notes.</source>
        <translation>Nimetön yhteenveto tästä hoitojaksosta mentorointitapaamiseen: menetelmä, painopistealue, kunkin tapaamisen tehdyt ja ohitetut asialistan kohdat sekä pisteet. Siitä jätetään pois asiakkaan nimi, henkilötunnus, syntymäaika, koulu, tunniste, kaikki päivämäärät ja tapaamismuistiinpanosi.</translation>
    </message>
    <message>
        <source>&amp;Language of the summary</source>
        <translation>Yhteenvedon &amp;kieli</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Suomi</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Ruotsi</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>Muo&amp;to</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Pelkkä teksti</translation>
    </message>
    <message>
        <source>&amp;What was hard</source>
        <translation>&amp;Mikä oli vaikeaa</translation>
    </message>
    <message>
        <source>In your own words: what you would like to go through with your mentor. Do not write the client&apos;s name or anything else that could identify the client.</source>
        <translation>Omin sanoin: mitä haluaisit käydä läpi mentorisi kanssa. Älä kirjoita asiakkaan nimeä tai mitään muuta, mistä asiakkaan voisi tunnistaa.</translation>
    </message>
    <message>
        <source>Include session notes</source>
        <translation>Liitä tapaamismuistiinpanot</translation>
    </message>
    <message>
        <source>Your session notes, agenda item notes and homework, as you wrote them. Left out unless you tick this.</source>
        <translation>Tapaamisten ja asialistan kohtien muistiinpanot sekä kotitehtävät sellaisina kuin kirjoitit ne. Ne jätetään pois, ellet valitse tätä.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Esikatselu</translation>
    </message>
    <message>
        <source>This is what the summary says. The PDF has the same content.</source>
        <translation>Yhteenveto näyttää tältä. PDF:ssä on sama sisältö.</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Tallenna…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Remove the client&apos;s identifying details from the text before saving: {words}.</source>
        <translation>Poista asiakkaan tunnistetiedot tekstistä ennen tallentamista: {words}.</translation>
    </message>
    <message>
        <source>The text may name the client or the school: {words}. Rewrite it, or confirm when you save that these words do not identify the client.</source>
        <translation>Tekstissä saatetaan mainita asiakas tai koulu: {words}. Muotoile teksti uudelleen tai vahvista tallentaessasi, etteivät nämä sanat tunnista asiakasta.</translation>
    </message>
    <message>
        <source>Include session notes?</source>
        <translation>Liitetäänkö tapaamismuistiinpanot?</translation>
    </message>
    <message>
        <source>Session notes may identify the client.</source>
        <translation>Tapaamismuistiinpanoista voi tunnistaa asiakkaan.</translation>
    </message>
    <message>
        <source>Notes often mention names, places, events and family details that someone could recognise. With the notes, the summary is no longer anonymous: share it only as your organisation allows, and only with your mentor.</source>
        <translation>Muistiinpanoissa mainitaan usein nimiä, paikkoja, tapahtumia ja perheen asioita, jotka joku voi tunnistaa. Muistiinpanojen kanssa yhteenveto ei ole enää nimetön: jaa se vain organisaatiosi ohjeiden mukaisesti ja vain mentorillesi.</translation>
    </message>
    <message>
        <source>Include notes</source>
        <translation>Liitä muistiinpanot</translation>
    </message>
    <message>
        <source>Check the text</source>
        <translation>Tarkista teksti</translation>
    </message>
    <message>
        <source>The text may name the client or the school: {words}.</source>
        <translation>Tekstissä saatetaan mainita asiakas tai koulu: {words}.</translation>
    </message>
    <message>
        <source>Save only if these words do not identify the client.</source>
        <translation>Tallenna vain, jos nämä sanat eivät tunnista asiakasta.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Tallenna silti</translation>
    </message>
    <message>
        <source>Edit the text</source>
        <translation>Muokkaa tekstiä</translation>
    </message>
    <message>
        <source>Save the case summary</source>
        <translation>Tallenna tapausyhteenveto</translation>
    </message>
    <message>
        <source>The text has the client&apos;s identifying details. Remove them, then save.</source>
        <translation>Tekstissä on asiakkaan tunnistetietoja. Poista ne ja tallenna sitten.</translation>
    </message>
    <message>
        <source>case-summary</source>
        <translation>tapausyhteenveto</translation>
    </message>
    <message>
        <source>Saved as {file}. The save is recorded in the disclosure log.</source>
        <translation>Tallennettu nimellä {file}. Tallennus on kirjattu luovutuslokiin.</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the folder exists and that you may write to it.</source>
        <translation>Tiedostoa ei voitu kirjoittaa. Tarkista, että kansio on olemassa ja että sinulla on siihen kirjoitusoikeus.</translation>
    </message>
    <message>
        <source>No recipient key is set, so the file cannot be encrypted.</source>
        <translation>Vastaanottajan avainta ei ole määritetty, joten tiedostoa ei voi salata.</translation>
    </message>
    <message>
        <source>The summary could not be saved.</source>
        <translation>Yhteenvetoa ei voitu tallentaa.</translation>
    </message>
    <message>
        <source>The summary could not be saved. Nothing was written or logged.</source>
        <translation>Yhteenvetoa ei voitu tallentaa. Mitään ei kirjoitettu eikä kirjattu lokiin.</translation>
    </message>
    <message>
        <source>Preview of the summary</source>
        <translation>Yhteenvedon esikatselu</translation>
    </message>
</context>
<context>
    <name>ChooseQuestionnaireDialog</name>
    <message>
        <source>Give a questionnaire</source>
        <translation>Uusi kysely</translation>
    </message>
    <message>
        <source>{questionnaire} (planned for this session)</source>
        <translation>{questionnaire} (suunniteltu tähän tapaamiseen)</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Kysely</translation>
    </message>
    <message>
        <source>Who answers</source>
        <translation>Vastaaja</translation>
    </message>
    <message>
        <source>Language of the questions</source>
        <translation>Kysymysten kieli</translation>
    </message>
    <message>
        <source>The client fills it in on this screen</source>
        <translation>Asiakas täyttää itse tällä näytöllä</translation>
    </message>
    <message>
        <source>I enter the answers</source>
        <translation>Kirjaan vastaukset itse</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Aloita</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>A parent</source>
        <translation>Vanhempi</translation>
    </message>
    <message>
        <source>The clinician</source>
        <translation>Työntekijä</translation>
    </message>
    <message>
        <source>When the client fills it in, the screen shows only the questions. To return, press {keys} or “{button}” in the corner and type your passphrase.</source>
        <translation>Kun asiakas täyttää kyselyn itse, näytöllä näkyvät vain kysymykset. Pääset takaisin painamalla {keys} tai kulman painiketta ”{button}” ja kirjoittamalla tunnuslauseesi.</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Client</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Uusi asiakas</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Muokkaa asiakkaan tietoja</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Sukunimi</translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation>&amp;Etunimet</translation>
    </message>
    <message>
        <source>&amp;Identity code</source>
        <translation>&amp;Henkilötunnus</translation>
    </message>
    <message>
        <source>For example 131052-308T</source>
        <translation>Esimerkiksi 131052-308T</translation>
    </message>
    <message>
        <source>&amp;No identity code (Askel creates a local ID)</source>
        <translation>E&amp;i henkilötunnusta (Askel luo paikallisen tunnisteen)</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Syntymä&amp;aika</translation>
    </message>
    <message>
        <source>Day.month.year, for example 5.3.2012</source>
        <translation>Muodossa p.k.vvvv, esimerkiksi 5.3.2012</translation>
    </message>
    <message>
        <source>Client&apos;s &amp;language</source>
        <translation>Asiakkaan &amp;kieli</translation>
    </message>
    <message>
        <source>Questionnaires and client texts use this language.</source>
        <translation>Kyselyt ja asiakkaalle näkyvät tekstit ovat tällä kielellä.</translation>
    </message>
    <message>
        <source>&amp;School or unit</source>
        <translation>K&amp;oulu tai yksikkö</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Puhelin</translation>
    </message>
    <message>
        <source>Non-disclosure for personal safety (turvakielto)</source>
        <translation>Turvakielto</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Huoltajat</translation>
    </message>
    <message>
        <source>For a client under 18. Leave empty if not needed.</source>
        <translation>Alle 18-vuotiaalle asiakkaalle. Jätä tyhjäksi, jos ei tarvita.</translation>
    </message>
    <message>
        <source>Guardian {number}</source>
        <translation>Huoltaja {number}</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Suhde asiakkaaseen</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Enter the identity code, or tick “No identity code”.</source>
        <translation>Kirjoita henkilötunnus tai valitse ”Ei henkilötunnusta”.</translation>
    </message>
    <message>
        <source>Check the marked fields.</source>
        <translation>Tarkista merkityt kentät.</translation>
    </message>
    <message>
        <source>Another client already has this identity code.</source>
        <translation>Henkilötunnus on jo toisella asiakkaalla.</translation>
    </message>
    <message>
        <source>Sex for reference values (optional)</source>
        <translation>Viitearvojen sukupuoli (valinnainen)</translation>
    </message>
    <message>
        <source>Only for questionnaire limits that differ by sex, such as AUDIT-C. Never read from the identity code.</source>
        <translation>Vain kyselyjen raja-arvoihin, jotka ovat eri sukupuolille erilaiset, kuten AUDIT-C. Ei koskaan päätellä henkilötunnuksesta.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ei kirjattu</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nainen</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Mies</translation>
    </message>
</context>
<context>
    <name>ClientListPage</name>
    <message>
        <source>Clients</source>
        <translation>Asiakkaat</translation>
    </message>
    <message>
        <source>Search by name, identity code or birth date</source>
        <translation>Hae nimellä, henkilötunnuksella tai syntymäajalla</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Hae asiakkaita</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Uusi asiakas</translation>
    </message>
    <message>
        <source>Add a client (Ctrl+N)</source>
        <translation>Lisää asiakas (Ctrl+N)</translation>
    </message>
    <message>
        <source>Unfinished session: {name}, session {number} started {date}. What was typed has been kept.</source>
        <translation>Keskeneräinen tapaaminen: {name}, tapaaminen {number}, aloitettu {date}. Kirjoitetut tiedot ovat tallessa.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Jatka</translation>
    </message>
    <message>
        <source>No client matches “{query}”. Check the spelling, or add a new client.</source>
        <translation>Haulla ”{query}” ei löytynyt asiakasta. Tarkista kirjoitusasu tai lisää uusi asiakas.</translation>
    </message>
    <message>
        <source>No clients yet. Add the first one with “New client”.</source>
        <translation>Asiakkaita ei vielä ole. Lisää ensimmäinen valitsemalla ”Uusi asiakas”.</translation>
    </message>
    <message>
        <source>Receive a handover…</source>
        <translation>Vastaanota siirto…</translation>
    </message>
    <message>
        <source>Receive a client that a colleague handed over from their Askel</source>
        <translation>Vastaanota asiakas, jonka kollega siirsi omasta Askelistaan</translation>
    </message>
    <message>
        <source>Unfinished group meeting: {group}, started {date}. What was typed has been kept.</source>
        <translation>Kesken jäänyt ryhmätapaaminen: {group}, aloitettu {date}. Kirjoitettu teksti on tallessa.</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>← All clients</source>
        <translation>← Kaikki asiakkaat</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Muokkaa</translation>
    </message>
    <message>
        <source>Change the client&apos;s details (Ctrl+E)</source>
        <translation>Muokkaa asiakkaan tietoja (Ctrl+E)</translation>
    </message>
    <message>
        <source>Non-disclosure for personal safety: do not give this client&apos;s address or contact details to anyone.</source>
        <translation>Turvakielto: älä luovuta asiakkaan osoitetta tai muita yhteystietoja kenellekään.</translation>
    </message>
    <message>
        <source>Next appointment: {when}</source>
        <translation>Seuraava tapaaminen: {when}</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <source>None (local identifier {local_id})</source>
        <translation>Ei ole (paikallinen tunniste {local_id})</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Syntymäaika</translation>
    </message>
    <message>
        <source>{date} ({age} years)</source>
        <translation>{date} ({age} v)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>School or unit</source>
        <translation>Koulu tai yksikkö</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Huoltaja</translation>
    </message>
    <message>
        <source>Courses of treatment</source>
        <translation>Hoitojaksot</translation>
    </message>
    <message>
        <source>No courses yet. Start one when the need for treatment is established.</source>
        <translation>Hoitojaksoja ei vielä ole. Aloita hoitojakso, kun hoidon tarve on todettu.</translation>
    </message>
    <message>
        <source>Start a course</source>
        <translation>Aloita hoitojakso</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>suunniteltu</translation>
    </message>
    <message>
        <source>active</source>
        <translation>käynnissä</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>päättynyt</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>keskeytynyt</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>Siirrä kollegalle…</translation>
    </message>
    <message>
        <source>Hand this client&apos;s courses over to a colleague&apos;s Askel</source>
        <translation>Siirrä asiakkaan hoitojaksot kollegan Askeliin</translation>
    </message>
    <message>
        <source>Read the receipt…</source>
        <translation>Lue kuittaus…</translation>
    </message>
    <message>
        <source>handed over to {name}</source>
        <translation>siirretty: {name}</translation>
    </message>
    <message>
        <source>Handed over to {name} on {date}: the copy here is read-only.</source>
        <translation>Siirretty {date} kollegalle {name}: täällä oleva kopio on vain luettavissa.</translation>
    </message>
    <message>
        <source>It is removed from here when you read {name}&apos;s receipt.</source>
        <translation>Se poistetaan täältä, kun luet kuittauksen, jonka {name} lähettää.</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Syntymäaika</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
</context>
<context>
    <name>ContentPack</name>
    <message>
        <source>The key file is not an unencrypted Ed25519 private key (PEM).</source>
        <translation>Avaintiedosto ei ole salaamaton Ed25519-yksityisavain (PEM).</translation>
    </message>
    <message>
        <source>No trusted keys for content packs are set in IT policy.</source>
        <translation>IT-käytännöissä ei ole määritetty sisältöpakettien luotettuja avaimia.</translation>
    </message>
    <message>
        <source>Trusted key {number} in IT policy is not a base64 Ed25519 public key.</source>
        <translation>IT-käytäntöjen luotettu avain {number} ei ole base64-muotoinen Ed25519-julkinen avain.</translation>
    </message>
    <message>
        <source>The pack holds a file with an unsafe name: {path}</source>
        <translation>Paketissa on tiedosto, jonka nimi ei ole turvallinen: {path}</translation>
    </message>
    <message>
        <source>No pack found at {path}</source>
        <translation>Pakettia ei löytynyt sijainnista {path}</translation>
    </message>
    <message>
        <source>The pack has more than {limit} files.</source>
        <translation>Paketissa on yli {limit} tiedostoa.</translation>
    </message>
    <message>
        <source>The file {path} is larger than the limit.</source>
        <translation>Tiedosto {path} ylittää kokorajan.</translation>
    </message>
    <message>
        <source>The pack is larger than the limit.</source>
        <translation>Paketti ylittää kokorajan.</translation>
    </message>
    <message>
        <source>The pack holds a link, which is not allowed: {path}</source>
        <translation>Paketissa on linkki, mikä ei ole sallittua: {path}</translation>
    </message>
    <message>
        <source>The pack holds the file {path} twice.</source>
        <translation>Paketissa on tiedosto {path} kahteen kertaan.</translation>
    </message>
    <message>
        <source>The file is not a readable zip archive: {path}</source>
        <translation>Tiedosto ei ole luettava zip-arkisto: {path}</translation>
    </message>
    <message>
        <source>The pack has no manifest.yaml or manifest.json.</source>
        <translation>Paketista puuttuu manifest.yaml tai manifest.json.</translation>
    </message>
    <message>
        <source>The pack has both manifest.yaml and manifest.json.</source>
        <translation>Paketissa on sekä manifest.yaml että manifest.json. Poista toinen niistä.</translation>
    </message>
    <message>
        <source>The manifest is malformed: {problem}</source>
        <translation>Manifesti on virheellinen: {problem}</translation>
    </message>
    <message>
        <source>The pack is not signed (manifest.sig is missing).</source>
        <translation>Pakettia ei ole allekirjoitettu (manifest.sig puuttuu).</translation>
    </message>
    <message>
        <source>The pack&apos;s signature does not match any key trusted by IT policy.</source>
        <translation>Paketin allekirjoitus ei vastaa yhtäkään IT-käytännöissä luotettua avainta.</translation>
    </message>
    <message>
        <source>The pack holds a file its manifest does not list: {path}</source>
        <translation>Paketissa on tiedosto, jota ei ole lueteltu manifestissa: {path}</translation>
    </message>
    <message>
        <source>A file listed in the manifest is missing: {path}</source>
        <translation>Manifestissa lueteltu tiedosto puuttuu: {path}</translation>
    </message>
    <message>
        <source>The file {path} has changed since the pack was signed.</source>
        <translation>Tiedosto {path} on muuttunut paketin allekirjoittamisen jälkeen.</translation>
    </message>
    <message>
        <source>A definition in the pack is not valid: {problem}</source>
        <translation>Paketissa on virheellinen määrittely: {problem}</translation>
    </message>
    <message>
        <source>Pack {pack} version {version} is not newer than the installed version {installed}.</source>
        <translation>Paketin {pack} versio {version} ei ole asennettua versiota {installed} uudempi.</translation>
    </message>
    <message>
        <source>The installed pack folder {path} does not match its manifest.</source>
        <translation>Asennetun paketin kansio {path} ei vastaa paketin manifestia.</translation>
    </message>
    <message>
        <source>Put {path} under instruments/, protocols/ or texts/.</source>
        <translation>Siirrä {path} kansioon instruments/, protocols/ tai texts/.</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <source>Calculating…</source>
        <translation>Lasketaan…</translation>
    </message>
    <message>
        <source>The figures could not be calculated: the store could not be read.</source>
        <translation>Lukuja ei voitu laskea: tietokantaa ei voitu lukea.</translation>
    </message>
    <message>
        <source>No data sets have been imported into this store yet.</source>
        <translation>Tähän tietokantaan ei ole vielä tuotu aineistoja.</translation>
    </message>
    <message>
        <source>Data sets of {units} units ({installations} installations); the newest was imported on {date}.</source>
        <translation>Aineistoja {units} yksiköstä ({installations} asennusta); uusin tuotiin {date}.</translation>
    </message>
    <message>
        <source>Median days from need to first treatment, by month</source>
        <translation>Päiviä hoidon tarpeen toteamisesta ensimmäiseen hoitokäyntiin, mediaani kuukausittain</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} vrk</translation>
    </message>
    <message>
        <source>Wait for the figures to be calculated, then export.</source>
        <translation>Odota, että luvut on laskettu, ja vie ne sitten.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-työkirjat (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the regional report</source>
        <translation>Tallenna alueellinen raportti</translation>
    </message>
    <message>
        <source>The file could not be saved. Check the folder and try again.</source>
        <translation>Tiedostoa ei voitu tallentaa. Tarkista kansio ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>Saved: {file}</source>
        <translation>Tallennettu: {file}</translation>
    </message>
    <message>
        <source>Regional statistics</source>
        <translation>Alueen tilastot</translation>
    </message>
    <message>
        <source>The county&apos;s units together, by unit, method and month. Each table is protected once, on the pooled figures; no figure shows a client.</source>
        <translation>Hyvinvointialueen yksiköt yhdessä yksiköittäin, menetelmittäin ja kuukausittain. Jokainen taulukko suojataan kerran, yhdistetyistä luvuista; mikään luku ei paljasta asiakasta.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Vie Excel…</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <source>Askel – regional statistics</source>
        <translation>Askel – alueen tilastot</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>Start a course</source>
        <translation>Aloita hoitojakso</translation>
    </message>
    <message>
        <source>Start a course for {name}</source>
        <translation>Uusi hoitojakso: {name}</translation>
    </message>
    <message>
        <source>Methods suited to the client&apos;s age ({age} years) are listed.</source>
        <translation>Luettelossa ovat asiakkaan ikään ({age} v) sopivat menetelmät.</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Menetelmä</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <source>&amp;Need established</source>
        <translation>&amp;Hoidon tarve todettu</translation>
    </message>
    <message>
        <source>Day.month.year</source>
        <translation>p.k.vvvv</translation>
    </message>
    <message>
        <source>&amp;Planned sessions</source>
        <translation>&amp;Suunnitellut tapaamiset</translation>
    </message>
    <message>
        <source>&amp;Focus area</source>
        <translation>&amp;Painopistealue</translation>
    </message>
    <message>
        <source>&amp;ICD-10 (optional)</source>
        <translation>&amp;ICD-10 (vapaaehtoinen)</translation>
    </message>
    <message>
        <source>For example F32.1</source>
        <translation>Esimerkiksi F32.1</translation>
    </message>
    <message>
        <source>&amp;Goal agreed with the client (optional)</source>
        <translation>Asiakkaan kanssa sovittu &amp;tavoite (vapaaehtoinen)</translation>
    </message>
    <message>
        <source>Step of care</source>
        <translation>Hoidon porras</translation>
    </message>
    <message>
        <source>Your decision, not a score rule.</source>
        <translation>Oma päätöksesi – pisteet eivät ratkaise.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ei kirjattu</translation>
    </message>
    <message>
        <source>1 Guided self-help</source>
        <translation>1 Ohjattu omahoito</translation>
    </message>
    <message>
        <source>2 Brief therapy</source>
        <translation>2 Lyhytterapia</translation>
    </message>
    <message>
        <source>3 Short psychotherapy</source>
        <translation>3 Lyhytpsykoterapia</translation>
    </message>
    <message>
        <source>4 Long or specialised care</source>
        <translation>4 Pitkä terapia tai erikoissairaanhoito</translation>
    </message>
    <message>
        <source>How the client came</source>
        <translation>Ohjautumistapa</translation>
    </message>
    <message>
        <source>First assessment visit</source>
        <translation>Ensijäsennys</translation>
    </message>
    <message>
        <source>Terapianavigaattori</source>
        <translation>Terapianavigaattori</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Koulu</translation>
    </message>
    <message>
        <source>Self-referral</source>
        <translation>Oma yhteydenotto</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Muu</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>Viite (vapaaehtoinen)</translation>
    </message>
    <message>
        <source>E.g. a navigator code</source>
        <translation>Esim. navigaattorin koodi</translation>
    </message>
    <message>
        <source>Does the client have children under 18 or other dependants?</source>
        <translation>Onko asiakkaalla alle 18-vuotiaita lapsia tai muita huollettavia?</translation>
    </message>
    <message>
        <source>If yes, each session gets a checklist item to discuss the children&apos;s situation and support.</source>
        <translation>Jos on, jokaisen tapaamisen muistilistaan lisätään kohta lasten tilanteen ja tuen puheeksi ottamisesta.</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>Ei vielä kysytty</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Kyllä</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ei</translation>
    </message>
    <message>
        <source>Start course</source>
        <translation>Aloita hoitojakso</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>No method in the content suits this client&apos;s age.</source>
        <translation>Sisällöissä ei ole tämän ikäiselle asiakkaalle sopivaa menetelmää.</translation>
    </message>
    <message>
        <source>You have not recorded training in this method. Consult your mentor before starting, or record your training under My methods.</source>
        <translation>Et ole merkinnyt saaneesi koulutusta tähän menetelmään. Keskustele mentorisi kanssa ennen aloittamista tai merkitse koulutuksesi kohtaan Omat menetelmät.</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Ei vielä valittu</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Päivämäärä ei voi olla tulevaisuudessa.</translation>
    </message>
    <message>
        <source>Day.month.year: the day you established the need for this treatment. The therapy guarantee&apos;s 28 days count from it.</source>
        <translation>Päivä.kuukausi.vuosi: päivä, jona totesit tämän hoidon tarpeen. Terapiatakuun 28 päivää lasketaan siitä.</translation>
    </message>
    <message>
        <source>&amp;Need established (optional)</source>
        <translation>&amp;Hoidon tarve todettu (valinnainen)</translation>
    </message>
    <message>
        <source>{method} (not trained)</source>
        <translation>{method} (ei koulutusta)</translation>
    </message>
    <message>
        <source>Enter the day the need for treatment was established: the therapy guarantee counts from it.</source>
        <translation>Kirjoita päivä, jona hoidon tarve todettiin: terapiatakuu lasketaan siitä.</translation>
    </message>
    <message>
        <source>The date is before the client&apos;s birth date.</source>
        <translation>Päivä on ennen asiakkaan syntymäpäivää.</translation>
    </message>
</context>
<context>
    <name>CoursePage</name>
    <message>
        <source>← {name}</source>
        <translation>← {name}</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Suunniteltu</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Käynnissä</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Päättynyt</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Keskeytynyt</translation>
    </message>
    <message>
        <source>{done} of {planned} sessions</source>
        <translation>{done}/{planned} tapaamista</translation>
    </message>
    <message>
        <source>need established {date}</source>
        <translation>hoidon tarve todettu {date}</translation>
    </message>
    <message>
        <source>focus: {area}</source>
        <translation>painopistealue: {area}</translation>
    </message>
    <message>
        <source>Continue session {number}</source>
        <translation>Jatka tapaamista {number}</translation>
    </message>
    <message>
        <source>Start session {number}</source>
        <translation>Aloita tapaaminen {number}</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Give a questionnaire</source>
        <translation>Uusi kysely</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Finish course</source>
        <translation>Päätä hoitojakso</translation>
    </message>
    <message>
        <source>Export to record</source>
        <translation>Vie potilaskertomukseen</translation>
    </message>
    <message>
        <source>Text, PDF or FHIR for the patient record (Ctrl+Shift+E)</source>
        <translation>Teksti, PDF tai FHIR potilaskertomukseen (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Handout for the client</source>
        <translation>Ohje asiakkaalle</translation>
    </message>
    <message>
        <source>Homework and the next appointment for the client, as a PDF or on paper, in the client&apos;s language</source>
        <translation>Kotitehtävä ja seuraava tapaaminen asiakkaalle PDF:nä tai paperilla, asiakkaan kielellä</translation>
    </message>
    <message>
        <source>Case summary for mentoring</source>
        <translation>Tapausyhteenveto mentorointiin</translation>
    </message>
    <message>
        <source>An anonymised summary of this course for a mentoring meeting</source>
        <translation>Nimetön yhteenveto tästä hoitojaksosta mentorointitapaamiseen</translation>
    </message>
    <message>
        <source>Session plan</source>
        <translation>Tapaamisten suunnitelma</translation>
    </message>
    <message>
        <source>Other contacts</source>
        <translation>Muut yhteydenotot</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Kyselyt</translation>
    </message>
    <message>
        <source>Protocol fidelity: {done} of {planned} agenda items done ({percent} %).</source>
        <translation>Menetelmän noudattaminen: {done}/{planned} asialistan kohdasta tehty ({percent} %).</translation>
    </message>
    <message>
        <source>Therapy guarantee met: treatment started on day {days}.</source>
        <translation>Terapiatakuu toteutui: hoito alkoi odotuspäivänä {days}.</translation>
    </message>
    <message>
        <source>Therapy guarantee not met: treatment started on day {days}.</source>
        <translation>Terapiatakuu ei toteutunut: hoito alkoi odotuspäivänä {days}.</translation>
    </message>
    <message>
        <source>attended</source>
        <translation>toteutui</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>peruttu</translation>
    </message>
    <message>
        <source>did not come</source>
        <translation>ei saapunut</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>kesken</translation>
    </message>
    <message>
        <source>next</source>
        <translation>seuraava</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Tapaaminen</translation>
    </message>
    <message>
        <source>No questionnaires yet.</source>
        <translation>Kyselyjä ei ole vielä tehty.</translation>
    </message>
    <message>
        <source>change {delta} since the start</source>
        <translation>muutos alusta {delta}</translation>
    </message>
    <message>
        <source>Outcome: {category}</source>
        <translation>Muutosluokka: {category}</translation>
    </message>
    <message>
        <source>{questionnaire} (not scored): {alerts}</source>
        <translation>{questionnaire} (ei pisteitä): {alerts}</translation>
    </message>
    <message>
        <source>Handed over to {name} on {date}. The copy here is read-only: the course goes on in their Askel.</source>
        <translation>Siirretty {date} kollegalle {name}. Täällä oleva kopio on vain luettavissa: hoitojakso jatkuu hänen Askelissaan.</translation>
    </message>
    <message>
        <source>Change the guarantee exception</source>
        <translation>Muuta terapiatakuun poikkeusta</translation>
    </message>
    <message>
        <source>Record a guarantee exception</source>
        <translation>Kirjaa terapiatakuun poikkeus</translation>
    </message>
    <message>
        <source>Planned {questionnaires} not given in session {number}.</source>
        <translation>Suunniteltu {questionnaires} jäi tekemättä (tapaaminen {number}).</translation>
    </message>
    <message>
        <source>The therapy guarantee does not apply: the need was established before 1.5.2025.</source>
        <translation>Terapiatakuu ei koske tätä hoitojaksoa: hoidon tarve todettiin ennen 1.5.2025.</translation>
    </message>
    <message>
        <source>Therapy guarantee: the first session of the method is dated before the need was established ({need}). Check the need date or the session&apos;s date.</source>
        <translation>Terapiatakuu: menetelmän ensimmäinen tapaaminen on päivätty ennen hoidon tarpeen toteamista ({need}). Tarkista hoidon tarpeen päivä tai tapaamisen päivä.</translation>
    </message>
    <message>
        <source>Therapy guarantee: exception recorded ({reason}): {note}</source>
        <translation>Terapiatakuu: poikkeus kirjattu ({reason}): {note}</translation>
    </message>
    <message>
        <source>Therapy guarantee: waiting day {days} of 28, on time. The first session of the method by {deadline} ({left} days left).</source>
        <translation>Terapiatakuu: odotuspäivä {days}/28, aikataulussa. Menetelmän ensimmäinen tapaaminen viimeistään {deadline} (aikaa {left} päivää).</translation>
    </message>
    <message>
        <source>Therapy guarantee: waiting day {days} of 28, at risk. The first session of the method by {deadline} ({left} days left).</source>
        <translation>Terapiatakuu: odotuspäivä {days}/28, määräaika lähestyy. Menetelmän ensimmäinen tapaaminen viimeistään {deadline} (aikaa {left} päivää).</translation>
    </message>
    <message>
        <source>Therapy guarantee: waiting day {days}, overdue. The first session of the method was due by {deadline}.</source>
        <translation>Terapiatakuu: odotuspäivä {days}, määräaika ylittynyt. Menetelmän ensimmäinen tapaaminen olisi pitänyt olla viimeistään {deadline}.</translation>
    </message>
    <message>
        <source>group: {name} ({format})</source>
        <translation>ryhmä: {name} ({format})</translation>
    </message>
    <message>
        <source>Open the group</source>
        <translation>Avaa ryhmä</translation>
    </message>
    <message>
        <source>The sessions of this course are the group&apos;s meetings</source>
        <translation>Tämän hoitojakson tapaamiset ovat ryhmän tapaamisia</translation>
    </message>
    <message>
        <source>came</source>
        <translation>läsnä</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Save answers</source>
        <translation>Tallenna vastaukset</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to the patient record</source>
        <translation>Vie potilaskertomukseen</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Mitä</translation>
    </message>
    <message>
        <source>The whole course</source>
        <translation>Koko hoitojakso</translation>
    </message>
    <message>
        <source>Session {number} ({date})</source>
        <translation>Tapaaminen {number} ({date})</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Suomi</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Ruotsi</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <source>The record is written for staff, so the language follows your interface language. The client&apos;s language: {language}.</source>
        <translation>Kirjaus tehdään henkilökunnalle, joten kieli seuraa käyttöliittymäsi kieltä. Asiakkaan kieli: {language}.</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>Muo&amp;to</translation>
    </message>
    <message>
        <source>Text entry for the record</source>
        <translation>Tekstimerkintä kertomukseen</translation>
    </message>
    <message>
        <source>PDF for the record</source>
        <translation>PDF kertomukseen</translation>
    </message>
    <message>
        <source>FHIR for systems (JSON)</source>
        <translation>FHIR järjestelmille (JSON)</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>Minne</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Kopioi leikepöydälle</translation>
    </message>
    <message>
        <source>Save to a file</source>
        <translation>Tallenna tiedostoon</translation>
    </message>
    <message>
        <source>The export folder set by IT</source>
        <translation>IT:n määrittämä vientikansio</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Tulosta</translation>
    </message>
    <message>
        <source>Encrypt for the recipient set by IT</source>
        <translation>Salaa IT:n määrittämälle vastaanottajalle</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Esikatselu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Paste the text into the patient record. It is removed from the clipboard after {seconds} seconds.</source>
        <translation>Liitä teksti potilaskertomukseen. Se poistetaan leikepöydältä {seconds} sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>Paste the text into the patient record.</source>
        <translation>Liitä teksti potilaskertomukseen.</translation>
    </message>
    <message>
        <source>The file holds client data: save it only where your organisation allows.</source>
        <translation>Tiedosto sisältää asiakastietoja: tallenna se vain paikkaan, jonka organisaatiosi sallii.</translation>
    </message>
    <message>
        <source>Encrypted for the recipient set by IT.</source>
        <translation>Salataan IT:n määrittämälle vastaanottajalle.</translation>
    </message>
    <message>
        <source>The patient record system reads this folder.</source>
        <translation>Potilastietojärjestelmä lukee tätä kansiota.</translation>
    </message>
    <message>
        <source>Collect the printout at once.</source>
        <translation>Hae tuloste heti tulostimelta.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopioi</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Tallenna…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Vie</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Tulosta…</translation>
    </message>
    <message>
        <source>This is the text that is copied or saved.</source>
        <translation>Tämä teksti kopioidaan tai tallennetaan.</translation>
    </message>
    <message>
        <source>The PDF carries this text and a chart of the scores.</source>
        <translation>PDF sisältää tämän tekstin ja kaavion pisteistä.</translation>
    </message>
    <message>
        <source>The client&apos;s copy leaves out your notes and risk alerts.</source>
        <translation>Asiakkaan kopiosta jätetään pois muistiinpanosi ja riskihälytykset.</translation>
    </message>
    <message>
        <source>The FHIR document carries this text and the structured data.</source>
        <translation>FHIR-asiakirja sisältää tämän tekstin ja rakenteiset tiedot.</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Tallenna vienti</translation>
    </message>
    <message>
        <source>course</source>
        <translation>hoitojakso</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>yhteydenotto</translation>
    </message>
    <message>
        <source>session-{number}</source>
        <translation>käynti-{number}</translation>
    </message>
    <message>
        <source>It is removed from the clipboard after {seconds} seconds.</source>
        <translation>Se poistetaan leikepöydältä {seconds} sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>No export folder is set. Save to a file instead.</source>
        <translation>Vientikansiota ei ole määritetty. Tallenna tiedostoon.</translation>
    </message>
    <message>
        <source>The export folder cannot be reached. Check the network connection, or save to a file.</source>
        <translation>Vientikansioon ei saada yhteyttä. Tarkista verkkoyhteys tai tallenna tiedostoon.</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the folder exists and that you may write to it.</source>
        <translation>Tiedostoa ei voitu kirjoittaa. Tarkista, että kansio on olemassa ja että sinulla on siihen kirjoitusoikeus.</translation>
    </message>
    <message>
        <source>No recipient key is set, so the file cannot be encrypted.</source>
        <translation>Vastaanottajan avainta ei ole määritetty, joten tiedostoa ei voi salata.</translation>
    </message>
    <message>
        <source>The export did not succeed.</source>
        <translation>Vienti ei onnistunut.</translation>
    </message>
    <message>
        <source>The export did not succeed. Nothing was sent or logged.</source>
        <translation>Vienti ei onnistunut. Mitään ei lähetetty eikä kirjattu lokiin.</translation>
    </message>
    <message>
        <source>Other contact ({date})</source>
        <translation>Muu yhteydenotto ({date})</translation>
    </message>
    <message>
        <source>Copy of the record for the client (PDF)</source>
        <translation>Kopio kertomuksesta asiakkaalle (PDF)</translation>
    </message>
    <message>
        <source>The client&apos;s temporary identity code is left out of the FHIR document, because IT has not set the root of temporary identifiers. The receiving system cannot match the client by that code.</source>
        <translation>Asiakkaan väliaikainen henkilötunnus jätetään pois FHIR-asiakirjasta, koska IT-tuki ei ole määrittänyt väliaikaisten tunnisteiden juurta. Vastaanottava järjestelmä ei voi tunnistaa asiakasta sen perusteella.</translation>
    </message>
    <message>
        <source>{count} invisible</source>
        <translation>{count} näkymätöntä</translation>
    </message>
    <message>
        <source>{count} characters in this text may be rejected by the patient record (highlighted: {codes}). Replace them with plain equivalents, or remove the invisible ones, before copying?</source>
        <translation>Potilaskertomus voi hylätä tämän tekstin {count} merkkiä (korostettu: {codes}). Korvataanko ne tavallisilla merkeillä ja poistetaanko näkymättömät merkit ennen kopiointia?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Korvaa</translation>
    </message>
    <message>
        <source>Preview of the export</source>
        <translation>Viennin esikatselu</translation>
    </message>
</context>
<context>
    <name>ExportLog</name>
    <message>
        <source>text entry</source>
        <translation>tekstimerkintä</translation>
    </message>
    <message>
        <source>PDF for the record</source>
        <translation>PDF kertomukseen</translation>
    </message>
    <message>
        <source>copy of the record for the client</source>
        <translation>kopio kertomuksesta asiakkaalle</translation>
    </message>
    <message>
        <source>handout for the client</source>
        <translation>ohje asiakkaalle</translation>
    </message>
    <message>
        <source>FHIR</source>
        <translation>FHIR</translation>
    </message>
    <message>
        <source>case summary for mentoring</source>
        <translation>tapausyhteenveto mentorointiin</translation>
    </message>
    <message>
        <source>copied to the clipboard</source>
        <translation>kopioitu leikepöydälle</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>tulostettu</translation>
    </message>
    <message>
        <source>saved as {file}</source>
        <translation>tallennettu nimellä {file}</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>salattu</translation>
    </message>
    <message>
        <source>Exported {date} {time}: {kind} ({language}), {where}.</source>
        <translation>Viety {date} {time}: {kind} ({language}), {where}.</translation>
    </message>
    <message>
        <source>in Finnish</source>
        <translation>suomeksi</translation>
    </message>
    <message>
        <source>in Swedish</source>
        <translation>ruotsiksi</translation>
    </message>
    <message>
        <source>Handed over {date} {time} to {name}</source>
        <translation>Siirretty {date} {time} kollegalle {name}</translation>
    </message>
    <message>
        <source>Received {date} {time} from {name}</source>
        <translation>Vastaanotettu {date} {time} kollegalta {name}</translation>
    </message>
    <message>
        <source>Removed {date} {time} after {name}&apos;s receipt</source>
        <translation>Poistettu {date} {time} kuittauksen jälkeen ({name})</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>{label} (required)</source>
        <translation>{label} (pakollinen)</translation>
    </message>
</context>
<context>
    <name>FinishCourseDialog</name>
    <message>
        <source>Finish course</source>
        <translation>Päätä hoitojakso</translation>
    </message>
    <message>
        <source>Finish the course</source>
        <translation>Hoitojakson päättäminen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Päättynyt suunnitellusti</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Keskeytynyt</translation>
    </message>
    <message>
        <source>&amp;Reason or remarks</source>
        <translation>&amp;Syy tai huomiot</translation>
    </message>
    <message>
        <source>The client&apos;s rating of usefulness</source>
        <translation>Asiakkaan arvio hyödyllisyydestä</translation>
    </message>
    <message>
        <source>1 Not useful</source>
        <translation>1 Ei hyödyllinen</translation>
    </message>
    <message>
        <source>2 Somewhat useful</source>
        <translation>2 Jonkin verran hyödyllinen</translation>
    </message>
    <message>
        <source>3 Useful</source>
        <translation>3 Hyödyllinen</translation>
    </message>
    <message>
        <source>4 Very useful</source>
        <translation>4 Erittäin hyödyllinen</translation>
    </message>
    <message>
        <source>&amp;Next step (your decision)</source>
        <translation>&amp;Jatkosuunnitelma (oma päätöksesi)</translation>
    </message>
    <message>
        <source>No further care</source>
        <translation>Ei jatkohoitoa</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>Seurantakäynti</translation>
    </message>
    <message>
        <source>More intensive care (next step)</source>
        <translation>Vahvempi hoito (seuraava porras)</translation>
    </message>
    <message>
        <source>Referral to specialised care</source>
        <translation>Lähete erikoissairaanhoitoon</translation>
    </message>
    <message>
        <source>First and last scores</source>
        <translation>Ensimmäiset ja viimeisimmät pisteet</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Kysely</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Ensimmäinen</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Viimeisin</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Muutos</translation>
    </message>
    <message>
        <source>No questionnaires were given.</source>
        <translation>Kyselyjä ei tehty.</translation>
    </message>
    <message>
        <source>Outcome: {category}</source>
        <translation>Tulos: {category}</translation>
    </message>
</context>
<context>
    <name>FirstRunAssistant</name>
    <message>
        <source>Step {step} of {steps}</source>
        <translation>Vaihe {step}/{steps}</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Tietoja sinusta</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>&amp;Nimesi</translation>
    </message>
    <message>
        <source>Shown in the use log and in exported records.</source>
        <translation>Näkyy käyttölokissa ja potilaskertomukseen viedyissä tiedoissa.</translation>
    </message>
    <message>
        <source>Your &amp;role</source>
        <translation>&amp;Roolisi</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Valitse tunnuslause</translation>
    </message>
    <message>
        <source>Client data on this computer is encrypted with your passphrase. Use at least 10 characters; a few unrelated words are easy to remember and hard to guess. If you forget it, only your organisation&apos;s IT can recover the data.</source>
        <translation>Tällä tietokoneella olevat asiakastiedot salataan tunnuslauseellasi. Käytä vähintään 10 merkkiä. Muutama toisiinsa liittymätön sana on helppo muistaa ja vaikea arvata. Jos unohdat tunnuslauseen, vain organisaatiosi IT-tuki voi palauttaa tiedot.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Tunnuslause</translation>
    </message>
    <message>
        <source>&amp;Repeat the passphrase</source>
        <translation>&amp;Kirjoita tunnuslause uudelleen</translation>
    </message>
    <message>
        <source>Remember on this computer (open without the passphrase)</source>
        <translation>Muista tällä tietokoneella (avaa ilman tunnuslausetta)</translation>
    </message>
    <message>
        <source>Only on a computer that you alone use with your own account. The screen still locks itself when you are away, and unlocking it then needs the passphrase.</source>
        <translation>Vain tietokoneella, jota käytät yksin omilla tunnuksillasi. Näyttö lukittuu silti, kun olet poissa, ja sen avaamiseen tarvitaan tunnuslause.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <source>Create and open</source>
        <translation>Luo ja avaa</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Seuraava</translation>
    </message>
    <message>
        <source>The passphrases are not the same.</source>
        <translation>Tunnuslauseet eivät ole samat. Kirjoita sama tunnuslause molempiin kenttiin.</translation>
    </message>
    <message>
        <source>The data folder could not be created. Check that the disk is writable.</source>
        <translation>Tietokansiota ei voitu luoda. Tarkista, että levylle voi tallentaa.</translation>
    </message>
    <message>
        <source>Professional &amp;title (optional)</source>
        <translation>&amp;Ammattinimike (vapaaehtoinen)</translation>
    </message>
    <message>
        <source>As it should read in the patient record, for example sairaanhoitaja (AMK).</source>
        <translation>Sellaisena kuin sen kuuluu näkyä potilaskertomuksessa, esimerkiksi sairaanhoitaja (AMK).</translation>
    </message>
    <message>
        <source>&amp;Terhikki registration number (optional)</source>
        <translation>&amp;Terhikki-rekisterinumero (vapaaehtoinen)</translation>
    </message>
    <message>
        <source>11 digits, from Valvira&apos;s register of health care professionals.</source>
        <translation>11 numeroa, Valviran terveydenhuollon ammattihenkilöiden rekisteristä.</translation>
    </message>
</context>
<context>
    <name>GiveHandoverDialog</name>
    <message>
        <source>Hand over to a colleague</source>
        <translation>Siirrä kollegalle</translation>
    </message>
    <message>
        <source>Hand over {name} to a colleague</source>
        <translation>Siirrä {name} kollegalle</translation>
    </message>
    <message>
        <source>Askel writes one encrypted file with the chosen courses, their sessions, notes, homework and questionnaires, and the client&apos;s details. Your colleague opens it in their own Askel with a six-word code that is shown here once.</source>
        <translation>Askel kirjoittaa yhden salatun tiedoston, jossa ovat valitut hoitojaksot tapaamisineen, muistiinpanoineen, kotitehtävineen ja kyselyineen sekä asiakkaan tiedot. Kollegasi avaa sen omassa Askelissaan kuuden sanan koodilla, joka näytetään täällä vain kerran.</translation>
    </message>
    <message>
        <source>Courses to hand over</source>
        <translation>Siirrettävät hoitojaksot</translation>
    </message>
    <message>
        <source>&amp;Colleague who receives the client</source>
        <translation>&amp;Vastaanottava kollega</translation>
    </message>
    <message>
        <source>Their name, as it should appear in both logs.</source>
        <translation>Kollegan nimi sellaisena kuin se kirjataan kumpaankin lokiin.</translation>
    </message>
    <message>
        <source>Here, after the handover</source>
        <translation>Täällä siirron jälkeen</translation>
    </message>
    <message>
        <source>&amp;Keep a read-only copy, marked as handed over</source>
        <translation>&amp;Säilytä vain luettava kopio, merkittynä siirretyksi</translation>
    </message>
    <message>
        <source>&amp;Remove the courses once the colleague&apos;s receipt arrives</source>
        <translation>&amp;Poista hoitojaksot, kun kollegan kuittaus saapuu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>&amp;Write the handover file…</source>
        <translation>&amp;Kirjoita siirtotiedosto…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Handover code</source>
        <translation>Siirtokoodi</translation>
    </message>
    <message>
        <source>In Finnish</source>
        <translation>Suomeksi</translation>
    </message>
    <message>
        <source>In Swedish (the same code)</source>
        <translation>Ruotsiksi (sama koodi)</translation>
    </message>
    <message>
        <source>your colleague</source>
        <translation>kollegasi</translation>
    </message>
    <message>
        <source>{name}&apos;s Askel writes a small receipt when the handover arrives. When you read it here (client page, Read the receipt), the courses are removed from this Askel.</source>
        <translation>Kun siirto saapuu, vastaanottajan ({name}) Askel kirjoittaa pienen kuittauksen. Kun luet sen täällä (asiakkaan sivu, Lue kuittaus), hoitojaksot poistetaan tästä Askelista.</translation>
    </message>
    <message>
        <source>The courses stay here for reference, marked as handed over to {name}; they can no longer be changed here.</source>
        <translation>Hoitojaksot jäävät tänne nähtäviksi merkittyinä siirretyiksi kollegalle {name}; niitä ei voi enää muuttaa täällä.</translation>
    </message>
    <message>
        <source>askel-handover</source>
        <translation>askel-siirto</translation>
    </message>
    <message>
        <source>Save the handover file</source>
        <translation>Tallenna siirtotiedosto</translation>
    </message>
    <message>
        <source>Choose at least one course to hand over.</source>
        <translation>Valitse vähintään yksi siirrettävä hoitojakso.</translation>
    </message>
    <message>
        <source>Write the name of the colleague who receives the client.</source>
        <translation>Kirjoita asiakkaan vastaanottavan kollegan nimi.</translation>
    </message>
    <message>
        <source>Choose a folder outside Askel&apos;s data folder.</source>
        <translation>Valitse kansio Askelin tietokansion ulkopuolelta.</translation>
    </message>
    <message>
        <source>The handover file was saved as {file}.</source>
        <translation>Siirtotiedosto tallennettiin nimellä {file}.</translation>
    </message>
    <message>
        <source>Handover code in Finnish: {code}</source>
        <translation>Siirtokoodi suomeksi: {code}</translation>
    </message>
    <message>
        <source>Handover code in Swedish: {code}</source>
        <translation>Siirtokoodi ruotsiksi: {code}</translation>
    </message>
    <message>
        <source>Give the code to {name} in person or read it out on the phone, never in the same message as the file. It is not saved anywhere and is shown only now.</source>
        <translation>Anna koodi kollegalle {name} henkilökohtaisesti tai lue se puhelimessa, älä koskaan samassa viestissä tiedoston kanssa. Koodia ei tallenneta mihinkään, ja se näytetään vain nyt.</translation>
    </message>
    <message>
        <source>Send the file to {name} safely, for example on a USB stick or by secure e-mail. When their receipt comes back, open this client and choose Read the receipt.</source>
        <translation>Toimita tiedosto kollegalle {name} turvallisesti, esimerkiksi USB-muistilla tai suojatulla sähköpostilla. Kun kuittaus tulee takaisin, avaa tämä asiakas ja valitse Lue kuittaus.</translation>
    </message>
    <message>
        <source>Send the file to {name} safely, for example on a USB stick or by secure e-mail. The courses stay here read-only.</source>
        <translation>Toimita tiedosto kollegalle {name} turvallisesti, esimerkiksi USB-muistilla tai suojatulla sähköpostilla. Hoitojaksot jäävät tänne vain luettaviksi.</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the folder exists and that you may write to it. Nothing was handed over.</source>
        <translation>Tiedostoa ei voitu kirjoittaa. Tarkista, että kansio on olemassa ja että sinulla on siihen kirjoitusoikeus. Mitään ei siirretty.</translation>
    </message>
    <message>
        <source>The handover did not succeed. Nothing was handed over.</source>
        <translation>Siirto ei onnistunut. Mitään ei siirretty.</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Uusi ryhmä</translation>
    </message>
    <message>
        <source>The group&apos;s name and leaders</source>
        <translation>Ryhmän nimi ja ohjaajat</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nimi</translation>
    </message>
    <message>
        <source>For example the method, the place and the term. No client&apos;s name.</source>
        <translation>Esimerkiksi menetelmä, paikka ja lukukausi. Ei asiakkaiden nimiä.</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Menetelmä</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Muoto</translation>
    </message>
    <message>
        <source>&amp;Leader</source>
        <translation>&amp;Ohjaaja</translation>
    </message>
    <message>
        <source>&amp;Second leader (optional)</source>
        <translation>&amp;Toinen ohjaaja (vapaaehtoinen)</translation>
    </message>
    <message>
        <source>A colleague&apos;s name: the group stays in your Askel.</source>
        <translation>Työtoverin nimi: ryhmä pysyy sinun Askelissasi.</translation>
    </message>
    <message>
        <source>&amp;First session</source>
        <translation>&amp;Ensimmäinen tapaaminen</translation>
    </message>
    <message>
        <source>Day.month.year; then weekly. Leave empty to set the dates later.</source>
        <translation>Päivä.kuukausi.vuosi; sitten viikoittain. Jätä tyhjäksi, jos sovit päivät myöhemmin.</translation>
    </message>
    <message>
        <source>Group &amp;sessions</source>
        <translation>&amp;Ryhmätapaamiset</translation>
    </message>
    <message>
        <source>&amp;Parents&apos; meetings</source>
        <translation>&amp;Vanhempien tapaamiset</translation>
    </message>
    <message>
        <source>Create the group</source>
        <translation>Luo ryhmä</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Name at least one leader.</source>
        <translation>Anna vähintään yhden ohjaajan nimi.</translation>
    </message>
</context>
<context>
    <name>GroupPage</name>
    <message>
        <source>Meeting</source>
        <translation>Tapaaminen</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Suunniteltu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilanne</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Liittyi</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Läsnä</translation>
    </message>
    <message>
        <source>← Groups</source>
        <translation>← Ryhmät</translation>
    </message>
    <message>
        <source>leaders: {names}</source>
        <translation>ohjaajat: {names}</translation>
    </message>
    <message>
        <source>Continue: {meeting}</source>
        <translation>Jatka: {meeting}</translation>
    </message>
    <message>
        <source>Start: {meeting}</source>
        <translation>Aloita: {meeting}</translation>
    </message>
    <message>
        <source>Name and leaders…</source>
        <translation>Nimi ja ohjaajat…</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Tapaamiset</translation>
    </message>
    <message>
        <source>Open the meeting</source>
        <translation>Avaa tapaaminen</translation>
    </message>
    <message>
        <source>Change the day…</source>
        <translation>Muuta päivää…</translation>
    </message>
    <message>
        <source>Add a parents&apos; meeting</source>
        <translation>Lisää vanhempien tapaaminen</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Ryhmäläiset</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>Lisää ryhmäläinen…</translation>
    </message>
    <message>
        <source>Open the member&apos;s course</source>
        <translation>Avaa ryhmäläisen hoitojakso</translation>
    </message>
    <message>
        <source>Member leaves…</source>
        <translation>Ryhmäläinen lähtee…</translation>
    </message>
    <message>
        <source>held {date}: {came} of {members} came</source>
        <translation>pidetty {date}: läsnä {came}/{members}</translation>
    </message>
    <message>
        <source>in progress, attendance marked {marked} of {members}</source>
        <translation>kesken, läsnäolo merkitty {marked}/{members}</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>suunniteltu</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>siirretty</translation>
    </message>
    <message>
        <source>left {date}: {reason}</source>
        <translation>lähti {date}: {reason}</translation>
    </message>
    <message>
        <source>completed {date}</source>
        <translation>päättyi {date}</translation>
    </message>
    <message>
        <source>joined late: {reason}</source>
        <translation>liittyi myöhemmin: {reason}</translation>
    </message>
    <message>
        <source>member</source>
        <translation>ryhmässä</translation>
    </message>
    <message>
        <source>Choose a meeting in the list first.</source>
        <translation>Valitse ensin tapaaminen listasta.</translation>
    </message>
    <message>
        <source>This meeting was held and closed; each member&apos;s record has it.</source>
        <translation>Tapaaminen on pidetty ja suljettu; se on jokaisen ryhmäläisen kirjauksissa.</translation>
    </message>
    <message>
        <source>Choose a member in the list first.</source>
        <translation>Valitse ensin ryhmäläinen listasta.</translation>
    </message>
    <message>
        <source>This member&apos;s course has already ended.</source>
        <translation>Ryhmäläisen hoitojakso on jo päättynyt.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
</context>
<context>
    <name>GroupQuestionnaireDialog</name>
    <message>
        <source>Questionnaires for the group</source>
        <translation>Ryhmän kyselyt</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Kysely</translation>
    </message>
    <message>
        <source>Who answers</source>
        <translation>Vastaaja</translation>
    </message>
    <message>
        <source>Each member fills it in on this screen, one after another</source>
        <translation>Ryhmäläiset täyttävät sen tällä näytöllä vuorotellen</translation>
    </message>
    <message>
        <source>I enter each member&apos;s answers</source>
        <translation>Syötän ryhmäläisten vastaukset itse</translation>
    </message>
    <message>
        <source>Members (each in their own language):</source>
        <translation>Ryhmäläiset (kukin omalla kielellään):</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Aloita</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>Ryhmäläinen</translation>
    </message>
    <message>
        <source>A parent</source>
        <translation>Vanhempi</translation>
    </message>
    <message>
        <source>The clinician</source>
        <translation>Työntekijä</translation>
    </message>
    <message>
        <source>Choose a questionnaire and at least one member.</source>
        <translation>Valitse kysely ja vähintään yksi ryhmäläinen.</translation>
    </message>
</context>
<context>
    <name>GroupSessionScreen</name>
    <message>
        <source>← {group}</source>
        <translation>← {group}</translation>
    </message>
    <message>
        <source>Attendance and each member&apos;s own part</source>
        <translation>Läsnäolo ja kunkin ryhmäläisen omat merkinnät</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Läsnäolo</translation>
    </message>
    <message>
        <source>The group&apos;s agenda</source>
        <translation>Ryhmän asialista</translation>
    </message>
    <message>
        <source>Group &amp;note</source>
        <translation>Ryhmän &amp;muistiinpanot</translation>
    </message>
    <message>
        <source>Goes into the record of every member who came: write no one&apos;s name here, use a member&apos;s own note.</source>
        <translation>Menee jokaisen läsnä olleen ryhmäläisen kirjauksiin: älä kirjoita tähän kenenkään nimeä, käytä ryhmäläisen omaa muistiinpanoa.</translation>
    </message>
    <message>
        <source>The group&apos;s homework</source>
        <translation>Ryhmän kotitehtävä</translation>
    </message>
    <message>
        <source>Agreed last time:</source>
        <translation>Sovittu viime kerralla:</translation>
    </message>
    <message>
        <source>No homework from last time.</source>
        <translation>Viime kerralta ei ole kotitehtävää.</translation>
    </message>
    <message>
        <source>Homework for &amp;next time</source>
        <translation>&amp;Kotitehtävä ensi kerraksi</translation>
    </message>
    <message>
        <source>For every member, unless the list gives a member another one.</source>
        <translation>Kaikille ryhmäläisille, ellei listassa ole jollekulle omaa.</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Tapaamismuoto</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Kasvokkain</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>&amp;Length, min</source>
        <translation>&amp;Kesto, min</translation>
    </message>
    <message>
        <source>Questionnaires…</source>
        <translation>Kyselyt…</translation>
    </message>
    <message>
        <source>Close the meeting</source>
        <translation>Sulje tapaaminen</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Tallennettu {time}</translation>
    </message>
    <message>
        <source>Not marked: {names}.</source>
        <translation>Merkitsemättä: {names}.</translation>
    </message>
    <message>
        <source>The group note or homework names {names}. It goes into every attending member&apos;s record: move it to the member&apos;s own note, or press Close the meeting again to close as it is.</source>
        <translation>Ryhmän muistiinpanoissa tai kotitehtävässä mainitaan {names}. Ne menevät jokaisen läsnä olleen ryhmäläisen kirjauksiin: siirrä maininta ryhmäläisen omaan muistiinpanoon tai sulje tapaaminen sellaisenaan painamalla Sulje tapaaminen uudelleen.</translation>
    </message>
    <message>
        <source>Time in the meeting: {time}</source>
        <translation>Tapaamisen kesto nyt: {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuutti</numerusform>
            <numerusform>%n minuuttia</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark attendance with 1 came, 2 cancelled, 3 did not come: the list moves to the next member. Typing or Enter writes the member&apos;s own note, which goes only into that member&apos;s record. Tab leaves the list.</source>
        <translation>Merkitse läsnäolo: 1 läsnä, 2 peruttu, 3 ei saapunut; lista siirtyy seuraavaan ryhmäläiseen. Kirjoittamalla tai Enterillä kirjoitat ryhmäläisen oman muistiinpanon, joka menee vain hänen kirjauksiinsa. Tab siirtyy pois listasta.</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Adults&apos; group</source>
        <translation>Aikuisten ryhmä</translation>
    </message>
    <message>
        <source>Young people&apos;s group</source>
        <translation>Nuorten ryhmä</translation>
    </message>
    <message>
        <source>Children&apos;s group</source>
        <translation>Lasten ryhmä</translation>
    </message>
    <message>
        <source>Parents&apos; group</source>
        <translation>Vanhempien ryhmä</translation>
    </message>
    <message>
        <source>Children and parents together</source>
        <translation>Lapset ja vanhemmat yhdessä</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Yksilötapaamiset</translation>
    </message>
    <message>
        <source>Parents&apos; meeting {number}</source>
        <translation>Vanhempien tapaaminen {number}</translation>
    </message>
    <message>
        <source>Group session {number} / {planned}</source>
        <translation>Ryhmätapaaminen {number} / {planned}</translation>
    </message>
    <message>
        <source>Group session {number}</source>
        <translation>Ryhmätapaaminen {number}</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Anna ryhmälle nimi.</translation>
    </message>
    <message>
        <source>The name is too long (at most 100 characters).</source>
        <translation>Nimi on liian pitkä (enintään 100 merkkiä).</translation>
    </message>
    <message>
        <source>Choose a format the method can be run in.</source>
        <translation>Valitse muoto, jossa menetelmää voi toteuttaa.</translation>
    </message>
    <message>
        <source>The number of group sessions is outside the method&apos;s range.</source>
        <translation>Ryhmätapaamisten määrä on menetelmän rajojen ulkopuolella.</translation>
    </message>
    <message>
        <source>The client is already a member of this group.</source>
        <translation>Asiakas on jo tämän ryhmän jäsen.</translation>
    </message>
    <message>
        <source>The group is full.</source>
        <translation>Ryhmä on täynnä.</translation>
    </message>
    <message>
        <source>The group has held all its sessions: nobody can join any more.</source>
        <translation>Ryhmä on pitänyt kaikki tapaamisensa, joten siihen ei voi enää liittyä.</translation>
    </message>
    <message>
        <source>The group has already met: write down why the client joins late.</source>
        <translation>Ryhmä on jo kokoontunut: kirjoita, miksi asiakas liittyy myöhemmin.</translation>
    </message>
    <message>
        <source>Write down why the member leaves the group.</source>
        <translation>Kirjoita, miksi ryhmäläinen lähtee ryhmästä.</translation>
    </message>
    <message>
        <source>This meeting has started: its date can no longer change.</source>
        <translation>Tapaaminen on jo alkanut, joten sen päivää ei voi enää muuttaa.</translation>
    </message>
    <message>
        <source>Hold the group&apos;s earlier sessions first.</source>
        <translation>Pidä ensin ryhmän aiemmat tapaamiset.</translation>
    </message>
    <message>
        <source>Mark every member&apos;s attendance before closing.</source>
        <translation>Merkitse jokaisen ryhmäläisen läsnäolo ennen kuin suljet tapaamisen.</translation>
    </message>
    <message>
        <source>This meeting is closed.</source>
        <translation>Tapaaminen on suljettu.</translation>
    </message>
    <message>
        <source>This change could not be made.</source>
        <translation>Muutosta ei voitu tehdä.</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>Group</source>
        <translation>Ryhmä</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Ryhmäläiset</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Tapaamiset</translation>
    </message>
    <message>
        <source>{held} / {planned} held, next {date}</source>
        <translation>pidetty {held} / {planned}, seuraava {date}</translation>
    </message>
    <message>
        <source>{held} / {planned} held</source>
        <translation>pidetty {held} / {planned}</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Groups</source>
        <translation>Ryhmät</translation>
    </message>
    <message>
        <source>A group runs one method for several clients at once. Each member has a course of their own, so their questionnaires, guarantee, outcome and record stay theirs; a group session is run once and written into each member&apos;s record.</source>
        <translation>Ryhmässä yhtä menetelmää toteutetaan usealle asiakkaalle yhtä aikaa. Jokaisella ryhmäläisellä on oma hoitojaksonsa, joten kyselyt, terapiatakuu, tulos ja kirjaukset pysyvät hänen ominaan; ryhmätapaaminen pidetään kerran ja kirjataan jokaisen ryhmäläisen tietoihin.</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Uusi ryhmä…</translation>
    </message>
    <message>
        <source>No groups yet. Start the first one with “New group…”.</source>
        <translation>Ei vielä ryhmiä. Aloita ensimmäinen valitsemalla ”Uusi ryhmä…”.</translation>
    </message>
</context>
<context>
    <name>Guarantee</name>
    <message>
        <source>medical reasons</source>
        <translation>lääketieteelliset syyt</translation>
    </message>
    <message>
        <source>treatment-related reasons</source>
        <translation>hoidolliset syyt</translation>
    </message>
    <message>
        <source>other comparable reasons</source>
        <translation>muut vastaavat syyt</translation>
    </message>
</context>
<context>
    <name>GuaranteeExceptionDialog</name>
    <message>
        <source>Therapy guarantee exception</source>
        <translation>Terapiatakuun poikkeus</translation>
    </message>
    <message>
        <source>The first session of the method may start later than 28 days after the need was established when medical, treatment-related or other comparable reasons require it. Write down why; the exception is kept with the course and in the use log.</source>
        <translation>Menetelmän ensimmäinen tapaaminen voi olla myöhemmin kuin 28 päivän kuluttua hoidon tarpeen toteamisesta, jos lääketieteelliset, hoidolliset tai muut vastaavat syyt sitä edellyttävät. Kirjoita perustelu; poikkeus tallentuu hoitojaksoon ja käyttölokiin.</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Peruste</translation>
    </message>
    <message>
        <source>No exception</source>
        <translation>Ei poikkeusta</translation>
    </message>
    <message>
        <source>Medical reasons</source>
        <translation>Lääketieteelliset syyt</translation>
    </message>
    <message>
        <source>Treatment-related reasons</source>
        <translation>Hoidolliset syyt</translation>
    </message>
    <message>
        <source>Other comparable reasons</source>
        <translation>Muut vastaavat syyt</translation>
    </message>
    <message>
        <source>&amp;Why (required for an exception)</source>
        <translation>P&amp;erustelu (pakollinen poikkeukselle)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Write down why the exception is needed.</source>
        <translation>Kirjoita, miksi poikkeus tarvitaan.</translation>
    </message>
</context>
<context>
    <name>GuaranteeModel</name>
    <message>
        <source>Client</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Ikä</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <source>Need established</source>
        <translation>Hoidon tarve todettu</translation>
    </message>
    <message>
        <source>Days waited</source>
        <translation>Odotettu (pv)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilanne</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Aikataulussa</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Määräaika lähestyy</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Myöhässä</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Päiviä jäljellä</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Määräpäivä</translation>
    </message>
    <message>
        <source>{days} over</source>
        <translation>{days} yli</translation>
    </message>
    <message>
        <source>Exception: {reason}</source>
        <translation>Poikkeus: {reason}</translation>
    </message>
</context>
<context>
    <name>GuaranteePage</name>
    <message>
        <source>Therapy guarantee</source>
        <translation>Terapiatakuu</translation>
    </message>
    <message>
        <source>Nobody under 23 is waiting for a first session.</source>
        <translation>Yksikään alle 23-vuotias ei odota ensimmäistä tapaamista.</translation>
    </message>
    <message>
        <source>Clients under 23 whose need for treatment was established on 1.5.2025 or later and who have not yet had their first session of the treatment method (a phone call or other contact does not count). Treatment must start within 28 days of the need date; from day 21 the wait is at risk. A recorded exception (medical, treatment-related or other comparable reasons) is listed last.</source>
        <translation>Alle 23-vuotiaat asiakkaat, joiden hoidon tarve on todettu 1.5.2025 tai myöhemmin ja joilla ei vielä ole ollut hoitomenetelmän ensimmäistä tapaamista (puhelu tai muu yhteydenotto ei riitä). Hoidon on alettava 28 päivän kuluessa hoidon tarpeen toteamisesta; päivästä 21 alkaen odotus on vaarassa venyä. Kirjatut poikkeukset (lääketieteelliset, hoidolliset tai muut vastaavat syyt) ovat listan lopussa.</translation>
    </message>
</context>
<context>
    <name>GuardianDialog</name>
    <message>
        <source>Guardian informed</source>
        <translation>Huoltajalle kertominen</translation>
    </message>
    <message>
        <source>Was a guardian informed?</source>
        <translation>Kerrottiinko huoltajalle?</translation>
    </message>
    <message>
        <source>The client is a minor. Record whether a guardian was told about the risk answer, who and how; or, if not, why not.</source>
        <translation>Asiakas on alaikäinen. Kirjaa, kerrottiinko riskivastauksesta huoltajalle, kenelle ja miten – tai jos ei, miksi ei.</translation>
    </message>
    <message>
        <source>A &amp;guardian was informed</source>
        <translation>&amp;Huoltajalle kerrottiin</translation>
    </message>
    <message>
        <source>A guardian was &amp;not informed</source>
        <translation>Huoltajalle &amp;ei kerrottu</translation>
    </message>
    <message>
        <source>Who and how (required)</source>
        <translation>Kenelle ja miten (pakollinen)</translation>
    </message>
    <message>
        <source>Why not (required)</source>
        <translation>Miksi ei (pakollinen)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Tallenna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Write at least {count} characters.</source>
        <translation>Kirjoita vähintään {count} merkkiä.</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Handout for the client</source>
        <translation>Ohje asiakkaalle</translation>
    </message>
    <message>
        <source>Homework, the next appointment and, after a risk answer, where to get help at once: in plain words, in the client&apos;s language ({language}). It names no one: no name, no identity code.</source>
        <translation>Kotitehtävä, seuraava tapaaminen ja riskivastauksen jälkeen se, mistä saa apua heti: selkeällä kielellä, asiakkaan kielellä ({language}). Ohjeessa ei ole nimeä eikä henkilötunnusta.</translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation>&amp;Tapaaminen</translation>
    </message>
    <message>
        <source>Session {number}, {date}</source>
        <translation>Tapaaminen {number}, {date}</translation>
    </message>
    <message>
        <source>No session yet</source>
        <translation>Ei vielä tapaamisia</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Esikatselu</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>T&amp;ulosta…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>Tallenna &amp;PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Save the handout</source>
        <translation>Tallenna ohje</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>for-the-client</source>
        <translation>asiakkaalle</translation>
    </message>
    <message>
        <source>The handout could not be saved or printed. Nothing was logged.</source>
        <translation>Ohjetta ei voitu tallentaa eikä tulostaa. Mitään ei kirjattu.</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>This is not a handover file, or it is damaged or was changed after it was written. Nothing was imported.</source>
        <translation>Tämä ei ole siirtotiedosto, tai tiedosto on vioittunut tai sitä on muutettu tallentamisen jälkeen. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This handover file was made by a newer version of Askel. Update Askel to receive it. Nothing was imported.</source>
        <translation>Siirtotiedosto on tehty Askelin uudemmalla versiolla. Päivitä Askel, niin voit vastaanottaa sen. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The handover code is not correct. Check the six words with the person who gave it. Nothing was imported.</source>
        <translation>Siirtokoodi ei ole oikein. Tarkista kuusi sanaa koodin antajalta. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>Too many wrong handover codes. Try again in {seconds} seconds.</source>
        <translation>Liian monta väärää siirtokoodia. Yritä uudelleen {seconds} sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>This handover holds real client data and this is a training vault. Nothing was imported.</source>
        <translation>Siirrossa on oikeiden asiakkaiden tietoja, ja tämä on harjoitustietovarasto. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This handover comes from a training vault and holds no real client. It cannot go into real data. Nothing was imported.</source>
        <translation>Siirto on tehty harjoitustietovarastosta, eikä siinä ole oikeaa asiakasta. Sitä ei voi tuoda oikeiden tietojen joukkoon. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This handover was already received on {date}. Nothing was imported again.</source>
        <translation>Tämä siirto on jo vastaanotettu {date}. Mitään ei tuotu uudelleen.</translation>
    </message>
    <message>
        <source>This handover was made in this Askel; it is for the colleague who receives it. Nothing was imported.</source>
        <translation>Tämä siirto on tehty tässä Askelissa; se on tarkoitettu vastaanottavalle kollegalle. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The handover uses protocol {id} version {version}, which this Askel does not have. Update Askel, or ask IT for the content pack. Nothing was imported.</source>
        <translation>Siirrossa käytetään protokollaa {id}, versiota {version}, jota tässä Askelissa ei ole. Päivitä Askel tai pyydä sisältöpaketti IT-tuelta. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The handover uses questionnaire {id} version {version}, which this Askel does not have. Update Askel, or ask IT for the content pack. Nothing was imported.</source>
        <translation>Siirrossa käytetään mittaria {id}, versiota {version}, jota tässä Askelissa ei ole. Päivitä Askel tai pyydä sisältöpaketti IT-tuelta. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The handover needs content pack {pack} version {version}, which is not signed by a key your organisation trusts. Nothing was imported.</source>
        <translation>Siirto tarvitsee sisältöpaketin {pack}, version {version}, jota ei ole allekirjoitettu organisaatiosi hyväksymällä avaimella. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This is not a handover receipt, or it is damaged. Nothing was removed.</source>
        <translation>Tämä ei ole siirron kuittaus, tai se on vioittunut. Mitään ei poistettu.</translation>
    </message>
    <message>
        <source>This receipt is for a handover not given from this Askel. Nothing was removed.</source>
        <translation>Kuittaus koskee siirtoa, jota ei ole tehty tästä Askelista. Mitään ei poistettu.</translation>
    </message>
    <message>
        <source>This receipt does not match the handover it names. Nothing was removed.</source>
        <translation>Kuittaus ei vastaa siirtoa, jonka se nimeää. Mitään ei poistettu.</translation>
    </message>
    <message>
        <source>This receipt was already read on {date}; the client&apos;s courses were removed then.</source>
        <translation>Tämä kuittaus luettiin jo {date}; asiakkaan hoitojaksot poistettiin silloin.</translation>
    </message>
    <message>
        <source>You chose to keep a read-only copy of this handover, so the receipt removes nothing.</source>
        <translation>Valitsit säilyttää siirrosta vain luettavan kopion, joten kuittaus ei poista mitään.</translation>
    </message>
    <message>
        <source>Write the name of the colleague who receives the client.</source>
        <translation>Kirjoita asiakkaan vastaanottavan kollegan nimi.</translation>
    </message>
    <message>
        <source>Choose at least one course to hand over.</source>
        <translation>Valitse vähintään yksi siirrettävä hoitojakso.</translation>
    </message>
    <message>
        <source>A chosen course was already handed over from here; its copy here is read-only.</source>
        <translation>Valittu hoitojakso on jo siirretty täältä; sen kopio täällä on vain luettavissa.</translation>
    </message>
    <message>
        <source>This was handed over to another clinician: the copy here can no longer be changed.</source>
        <translation>Tämä on siirretty toiselle työntekijälle: täällä olevaa kopiota ei voi enää muuttaa.</translation>
    </message>
    <message>
        <source>The client in the file matches two different clients here (one by identity code, one by local identifier). Nothing was imported.</source>
        <translation>Tiedoston asiakas vastaa kahta eri asiakasta täällä (toista henkilötunnuksen, toista paikallisen tunnisteen perusteella). Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>A client here has the same local identifier but another identity code. Nothing was imported.</source>
        <translation>Täällä olevalla asiakkaalla on sama paikallinen tunniste mutta eri henkilötunnus. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The file does not fit the data here (a record with the same identifier is another client&apos;s). Nothing was imported.</source>
        <translation>Tiedosto ei sovi täällä oleviin tietoihin (samalla tunnisteella on toisen asiakkaan tieto). Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>A course in the file is already in use here. Two copies of one course would go different ways, so nothing was imported.</source>
        <translation>Tiedoston hoitojakso on jo käytössä täällä. Saman hoitojakson kaksi kopiota eriytyisivät, joten mitään ei tuotu.</translation>
    </message>
</context>
<context>
    <name>HandoverCode</name>
    <message>
        <source>“{word}” is not one of the code words. Check the spelling.</source>
        <translation>”{word}” ei ole koodin sana. Tarkista kirjoitusasu.</translation>
    </message>
    <message>
        <source>The code has {count} words; it should have six.</source>
        <translation>Koodissa on {count} sanaa; sanoja pitää olla kuusi.</translation>
    </message>
</context>
<context>
    <name>LeaveGroupDialog</name>
    <message>
        <source>Leaving the group</source>
        <translation>Ryhmästä lähteminen</translation>
    </message>
    <message>
        <source>{name} leaves the group</source>
        <translation>{name} lähtee ryhmästä</translation>
    </message>
    <message>
        <source>The client&apos;s course in the group ends as interrupted on this day, with the reason as its end reason. The client&apos;s record and scores stay as they are.</source>
        <translation>Asiakkaan hoitojakso ryhmässä päättyy tänä päivänä keskeytyneenä, ja syy kirjataan lopettamisen syyksi. Asiakkaan kirjaukset ja pisteet säilyvät ennallaan.</translation>
    </message>
    <message>
        <source>&amp;Left on</source>
        <translation>&amp;Lähti</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>&amp;Miksi</translation>
    </message>
    <message>
        <source>Record leaving</source>
        <translation>Kirjaa lähteminen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>MeetingDateDialog</name>
    <message>
        <source>Planned day</source>
        <translation>Suunniteltu päivä</translation>
    </message>
    <message>
        <source>&amp;Planned day</source>
        <translation>&amp;Suunniteltu päivä</translation>
    </message>
    <message>
        <source>Day.month.year; empty when not yet decided.</source>
        <translation>Päivä.kuukausi.vuosi; tyhjä, jos päivää ei ole vielä päätetty.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>MyMethodsPage</name>
    <message>
        <source>My methods</source>
        <translation>Omat menetelmät</translation>
    </message>
    <message>
        <source>Record the methods you are trained in, are training for, or mentor others in. Methods you are trained in come first when you start a course.</source>
        <translation>Merkitse menetelmät, joihin olet saanut koulutuksen, joihin kouluttaudut parhaillaan tai joissa ohjaat muita mentorina. Menetelmät, joihin sinulla on koulutus, näkyvät ensimmäisinä, kun aloitat hoitojakson.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>Oma tilanne</translation>
    </message>
    <message>
        <source>Not trained</source>
        <translation>Ei koulutusta</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Koulutettu</translation>
    </message>
    <message>
        <source>In training</source>
        <translation>Koulutuksessa</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentori</translation>
    </message>
    <message>
        <source>d.m.yyyy</source>
        <translation>p.k.vvvv</translation>
    </message>
    <message>
        <source>Since: {method}</source>
        <translation>Alkaen: {method}</translation>
    </message>
    <message>
        <source>While you are in training, bring your cases to your mentor: open a course and choose “Case summary for mentoring” for an anonymised summary of it.</source>
        <translation>Koulutuksen aikana vie tapauksesi mentorillesi: avaa hoitojakso ja valitse ”Tapausyhteenveto mentorointiin”, niin saat siitä nimettömän yhteenvedon.</translation>
    </message>
    <message>
        <source>My courses: {started} started · {completed} completed · {interrupted} interrupted</source>
        <translation>Omat hoitojaksot: {started} aloitettu · {completed} päättynyt · {interrupted} keskeytynyt</translation>
    </message>
    <message>
        <source>Since (d.m.yyyy)</source>
        <translation>Alkaen (p.k.vvvv)</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Quarter {number}/{year}</source>
        <translation>{number}. vuosineljännes {year}</translation>
    </message>
    <message>
        <source>Half-year {number}/{year}</source>
        <translation>{number}. vuosipuolisko {year}</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Kuukausi</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Vuosineljännes</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>Vuosipuolisko</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Vuosi</translation>
    </message>
    <message>
        <source>Statistics are published for one kind of period only, so that two tables cannot be subtracted from each other.</source>
        <translation>Tilastot julkaistaan vain yhdenlaisilta jaksoilta, jotta kahta taulukkoa ei voi vähentää toisistaan.</translation>
    </message>
</context>
<context>
    <name>PolicyBanner</name>
    <message>
        <source>There is a problem with your organisation&apos;s IT policy. Until IT corrects it, the settings it concerns are locked at their strictest values. Tell your IT support:</source>
        <translation>Organisaatiosi IT-käytännössä on ongelma. Kunnes IT-tuki korjaa sen, asetukset, joita se koskee, on lukittu tiukimpiin arvoihinsa. Kerro IT-tuelle:</translation>
    </message>
    <message>
        <source>…and {count} more (the command askel policy show lists them all).</source>
        <translation>…ja {count} muuta (komento askel policy show luettelee ne kaikki).</translation>
    </message>
</context>
<context>
    <name>PrivacyCover</name>
    <message>
        <source>Client details are hidden</source>
        <translation>Asiakkaan tiedot on piilotettu</translation>
    </message>
    <message>
        <source>The client is filling in a questionnaire. Client details are hidden until it is finished and unlocked with the passphrase.</source>
        <translation>Asiakas täyttää kyselyä. Asiakkaan tiedot ovat piilossa, kunnes kysely on valmis ja avattu tunnuslauseella.</translation>
    </message>
    <message>
        <source>&amp;Show the questionnaire</source>
        <translation>&amp;Näytä kysely</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Questionnaire scores over time</source>
        <translation>Kyselyjen pisteet ajan mittaan</translation>
    </message>
    <message>
        <source>risk answer</source>
        <translation>riskivastaus</translation>
    </message>
    <message>
        <source>No scores yet. Give a questionnaire to start following the change.</source>
        <translation>Pisteitä ei vielä ole. Aloita muutoksen seuranta valitsemalla Uusi kysely.</translation>
    </message>
    <message>
        <source>Higher score = more symptoms</source>
        <translation>Suurempi pistemäärä = enemmän oireita</translation>
    </message>
    <message>
        <source>Higher score = better</source>
        <translation>Suurempi pistemäärä = parempi</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pisteet</translation>
    </message>
    <message>
        <source>reliable change {change}</source>
        <translation>luotettava muutos {change}</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Mittauskerta</translation>
    </message>
    <message>
        <source>Score at a measurement</source>
        <translation>Pisteet mittauskerralla</translation>
    </message>
    <message>
        <source>Reliable change from the first score</source>
        <translation>Luotettava muutos ensimmäisistä pisteistä</translation>
    </message>
    <message>
        <source>Shading and word at the right: severity band</source>
        <translation>Varjostus ja sana oikealla: vaikeusaste</translation>
    </message>
    <message>
        <source>{questionnaire}, scores from {low} to {high}</source>
        <translation>{questionnaire}, pisteet {low}–{high}</translation>
    </message>
    <message>
        <source>no scores yet</source>
        <translation>ei vielä pisteitä</translation>
    </message>
    <message>
        <source>{measurement}: {score} points</source>
        <translation>{measurement}: {score} pistettä</translation>
    </message>
    <message>
        <source>{band} from {score}</source>
        <translation>{band} {score} pisteestä alkaen</translation>
    </message>
    <message>
        <source>Severity bands: {limits}</source>
        <translation>Vaikeusasteet: {limits}</translation>
    </message>
    <message>
        <source>Reliable change lines at {lower} and {upper}, {change} points from the first score</source>
        <translation>Luotettavan muutoksen rajat {lower} ja {upper}, {change} pistettä ensimmäisistä pisteistä</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Sijainti:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Tiedostot&amp;yyppi:</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>QuestionnaireForm</name>
    <message>
        <source>{name} is not meant to be answered by this respondent.</source>
        <translation>{name} ei ole tarkoitettu tämän vastaajan täytettäväksi.</translation>
    </message>
    <message>
        <source>{name} cannot be filled in here: its questions have no wording in Askel because the questionnaire is licensed. An organisation that holds the licence can add the wording as a content pack.</source>
        <translation>Kyselyä {name} ei voi täyttää täällä: sen kysymysten sanamuotoja ei ole Askel-sovelluksessa, koska kysely on lisensoitu. Organisaatio, jolla on lisenssi, voi lisätä sanamuodot sisältöpakettina.</translation>
    </message>
    <message>
        <source>Questions in the client&apos;s language: {language}</source>
        <translation>Kysymykset asiakkaan kielellä: {language}</translation>
    </message>
    <message>
        <source>Keyboard: {keys} chooses the answer and moves on to the next question. Tab moves on without answering, Backspace clears.</source>
        <translation>Näppäimistö: {keys} valitsee vastauksen ja siirtyy seuraavaan kysymykseen. Sarkain siirtyy vastaamatta, Askelpalautin tyhjentää.</translation>
    </message>
    <message>
        <source>Answered {answered} / {count}</source>
        <translation>Vastattu {answered}/{count}</translation>
    </message>
    <message>
        <source>Score: incomplete</source>
        <translation>Pisteet: vastauksia puuttuu</translation>
    </message>
    <message>
        <source>Score {total}</source>
        <translation>Pisteet {total}</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Ei vastattu</translation>
    </message>
    <message>
        <source>Answer {value}</source>
        <translation>Vastaus {value}</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <source>Log a contact</source>
        <translation>Kirjaa yhteydenotto</translation>
    </message>
    <message>
        <source>1. Client</source>
        <translation>1. Asiakas</translation>
    </message>
    <message>
        <source>&amp;Find the client</source>
        <translation>&amp;Etsi asiakas</translation>
    </message>
    <message>
        <source>Name, identity code or birth date</source>
        <translation>Nimi, henkilötunnus tai syntymäaika</translation>
    </message>
    <message>
        <source>Matching clients</source>
        <translation>Hakua vastaavat asiakkaat</translation>
    </message>
    <message>
        <source>Choose another client</source>
        <translation>Valitse toinen asiakas</translation>
    </message>
    <message>
        <source>2. Course and contact</source>
        <translation>2. Hoitojakso ja yhteydenotto</translation>
    </message>
    <message>
        <source>C&amp;ourse</source>
        <translation>&amp;Hoitojakso</translation>
    </message>
    <message>
        <source>&amp;Method of the new course</source>
        <translation>Uuden hoitojakson &amp;menetelmä</translation>
    </message>
    <message>
        <source>Choose the method</source>
        <translation>Valitse menetelmä</translation>
    </message>
    <message>
        <source>&amp;Kind of contact</source>
        <translation>Yhteydenoton &amp;laji</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>Ta&amp;pa</translation>
    </message>
    <message>
        <source>A &amp;parent or guardian took part</source>
        <translation>&amp;Vanhempi tai huoltaja oli mukana</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>M&amp;uistiinpano</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Tallenna</translation>
    </message>
    <message>
        <source>{method}, since {date}</source>
        <translation>{method}, alkanut {date}</translation>
    </message>
    <message>
        <source>Start a new course</source>
        <translation>Aloita uusi hoitojakso</translation>
    </message>
    <message>
        <source>A session of the method (becomes session {number} / {planned})</source>
        <translation>Menetelmän tapaaminen (tulee tapaamiseksi {number}/{planned})</translation>
    </message>
    <message>
        <source>A session of the method (becomes session {number})</source>
        <translation>Menetelmän tapaaminen (tulee tapaamiseksi {number})</translation>
    </message>
    <message>
        <source>Choose the client.</source>
        <translation>Valitse asiakas.</translation>
    </message>
    <message>
        <source>Choose the method of the new course.</source>
        <translation>Valitse uuden hoitojakson menetelmä.</translation>
    </message>
    <message>
        <source>3. Duration and note</source>
        <translation>3. Kesto ja muistiinpano</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Kesto</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Read the receipt</source>
        <translation>Lue kuittaus</translation>
    </message>
    <message>
        <source>Read the colleague&apos;s receipt</source>
        <translation>Lue kollegan kuittaus</translation>
    </message>
    <message>
        <source>When your colleague has received the handover, their Askel writes a receipt. Reading it here removes the handed-over courses from this Askel.</source>
        <translation>Kun kollegasi on vastaanottanut siirron, hänen Askelinsa kirjoittaa kuittauksen. Kun luet sen täällä, siirretyt hoitojaksot poistetaan tästä Askelista.</translation>
    </message>
    <message>
        <source>&amp;Choose the receipt…</source>
        <translation>&amp;Valitse kuittaus…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Choose the receipt</source>
        <translation>Valitse kuittaus</translation>
    </message>
    <message>
        <source>Receipts (*{suffix})</source>
        <translation>Kuittaukset (*{suffix})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it still exists.</source>
        <translation>Tiedostoa ei voitu lukea. Tarkista, että se on yhä olemassa.</translation>
    </message>
    <message>
        <source>Receipt from {name} read: {count} courses removed from here.</source>
        <translation>Kuittaus luettu ({name}). Täältä poistettuja hoitojaksoja: {count}.</translation>
    </message>
    <message>
        <source>The client had no other courses and was removed too.</source>
        <translation>Asiakkaalla ei ollut muita hoitojaksoja, joten myös asiakas poistettiin.</translation>
    </message>
</context>
<context>
    <name>ReceiveHandoverDialog</name>
    <message>
        <source>Receive a handover</source>
        <translation>Vastaanota siirto</translation>
    </message>
    <message>
        <source>Receive a client from a colleague</source>
        <translation>Vastaanota asiakas kollegalta</translation>
    </message>
    <message>
        <source>Choose the handover file your colleague sent, and type the six-word code they gave you, in Finnish or in Swedish. Nothing is imported before you have seen what arrives.</source>
        <translation>Valitse kollegasi lähettämä siirtotiedosto ja kirjoita kuuden sanan koodi, jonka hän antoi sinulle, suomeksi tai ruotsiksi. Mitään ei tuoda, ennen kuin olet nähnyt, mitä on tulossa.</translation>
    </message>
    <message>
        <source>Handover &amp;file</source>
        <translation>Siirto&amp;tiedosto</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Va&amp;litse…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Tiedostoa ei ole valittu</translation>
    </message>
    <message>
        <source>Handover &amp;code</source>
        <translation>Siirto&amp;koodi</translation>
    </message>
    <message>
        <source>Six words, for example as they were read out to you; capital letters do not matter.</source>
        <translation>Kuusi sanaa, esimerkiksi siinä muodossa kuin ne luettiin sinulle; isoilla kirjaimilla ei ole väliä.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Avaa</translation>
    </message>
    <message>
        <source>Do &amp;not receive</source>
        <translation>&amp;Älä vastaanota</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Vastaanota</translation>
    </message>
    <message>
        <source>Open the &amp;client</source>
        <translation>Avaa &amp;asiakas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>&amp;Save the receipt…</source>
        <translation>&amp;Tallenna kuittaus…</translation>
    </message>
    <message>
        <source>Choose the handover file</source>
        <translation>Valitse siirtotiedosto</translation>
    </message>
    <message>
        <source>Handover files (*{suffix})</source>
        <translation>Siirtotiedostot (*{suffix})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it still exists.</source>
        <translation>Tiedostoa ei voitu lukea. Tarkista, että se on yhä olemassa.</translation>
    </message>
    <message>
        <source>Choose the handover file first.</source>
        <translation>Valitse ensin siirtotiedosto.</translation>
    </message>
    <message>
        <source>The handover could not be opened. Nothing was imported.</source>
        <translation>Siirtoa ei voitu avata. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>Check that this is the client you expect. Nothing is imported until you choose Receive.</source>
        <translation>Tarkista, että tämä on odottamasi asiakas. Mitään ei tuoda ennen kuin valitset Vastaanota.</translation>
    </message>
    <message>
        <source>From {name}, written {date} (installation {installation})</source>
        <translation>Lähettäjä {name}, kirjoitettu {date} (asennus {installation})</translation>
    </message>
    <message>
        <source>{name}, born {date} · {code}</source>
        <translation>{name}, syntynyt {date} · {code}</translation>
    </message>
    <message>
        <source>A new client in your Askel.</source>
        <translation>Uusi asiakas Askelissasi.</translation>
    </message>
    <message>
        <source>Already in your client list: the courses are added, the details you have are kept.</source>
        <translation>On jo asiakaslistallasi: hoitojaksot lisätään, ja sinulla olevat tiedot säilyvät.</translation>
    </message>
    <message>
        <source>Handed over from here before: what comes back replaces the read-only copy here.</source>
        <translation>Siirretty täältä aiemmin: palaavat tiedot korvaavat täällä olevan vain luettavan kopion.</translation>
    </message>
    <message>
        <source>{method} ({first}–{last}): {sessions} sessions, {questionnaires} questionnaires</source>
        <translation>{method} ({first}–{last}): tapaamisia {sessions}, kyselyitä {questionnaires}</translation>
    </message>
    <message>
        <source>Dates from {first} to {last}</source>
        <translation>Ajalta {first}–{last}</translation>
    </message>
    <message>
        <source>Content packs that come with it: {packs}</source>
        <translation>Mukana tulevat sisältöpaketit: {packs}</translation>
    </message>
    <message>
        <source>{name} removes the client from their Askel once your receipt reaches them. You will save the receipt after receiving.</source>
        <translation>{name} poistaa asiakkaan omasta Askelistaan, kun kuittauksesi tavoittaa hänet. Tallennat kuittauksen vastaanottamisen jälkeen.</translation>
    </message>
    <message>
        <source>{name} keeps a read-only copy, marked as handed over to {receiver}.</source>
        <translation>{name} säilyttää vain luettavan kopion, joka on merkitty siirretyksi kollegalle {receiver}.</translation>
    </message>
    <message>
        <source>The handover could not be received. Nothing was imported.</source>
        <translation>Siirtoa ei voitu vastaanottaa. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>Received from {name}. The client is now in your client list.</source>
        <translation>Vastaanotettu lähettäjältä {name}. Asiakas on nyt asiakaslistallasi.</translation>
    </message>
    <message>
        <source>Save the receipt and send it to {name}: their Askel removes its copy only when it reads the receipt. It holds no client data.</source>
        <translation>Tallenna kuittaus ja lähetä se lähettäjälle ({name}): hänen Askelinsa poistaa kopionsa vasta, kun se lukee kuittauksen. Kuittauksessa ei ole asiakastietoja.</translation>
    </message>
    <message>
        <source>Save the receipt again and send it to the colleague who gave the handover. It holds no client data.</source>
        <translation>Tallenna kuittaus uudelleen ja lähetä se siirron tehneelle kollegalle. Kuittauksessa ei ole asiakastietoja.</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Tallenna kuittaus</translation>
    </message>
    <message>
        <source>The receipt could not be saved there. Choose another folder.</source>
        <translation>Kuittausta ei voitu tallentaa sinne. Valitse toinen kansio.</translation>
    </message>
    <message>
        <source>Receipt saved as {file}.</source>
        <translation>Kuittaus tallennettiin nimellä {file}.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Automatic backup</source>
        <translation>Automaattinen varmuuskopio</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Ennen päivitystä</translation>
    </message>
    <message>
        <source>Database replaced by a restore</source>
        <translation>Palautuksessa korvattu tietokanta</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Varmuuskopio</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Palauta varmuuskopio</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The current database is not deleted: it is moved into the backups folder. Changes made after the backup was taken are not in the restored data.</source>
        <translation>Valitse palautettava varmuuskopio. Nykyistä tietokantaa ei poisteta, vaan se siirretään varmuuskopiokansioon. Varmuuskopion ottamisen jälkeen tehdyt muutokset eivät ole mukana palautetuissa tiedoissa.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Otettu</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Koko</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Varmuuskopiot</translation>
    </message>
    <message>
        <source>There are no backups in this data folder.</source>
        <translation>Tässä tietokansiossa ei ole varmuuskopioita.</translation>
    </message>
    <message>
        <source>The key file is missing or damaged, and a copy of it is among the backups. You can put back only the key file and keep the database as it is.</source>
        <translation>Avaintiedosto puuttuu tai on vioittunut, mutta varmuuskopioiden joukossa on siitä kopio. Voit palauttaa pelkän avaintiedoston ja pitää tietokannan ennallaan.</translation>
    </message>
    <message>
        <source>Restore only the key file…</source>
        <translation>Palauta vain avaintiedosto…</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Tunnuslause</translation>
    </message>
    <message>
        <source>The passphrase you use to open Askel.</source>
        <translation>Tunnuslause, jolla avaat Askel-sovelluksen.</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Palauta…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Restore now</source>
        <translation>Palauta nyt</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Kirjoita tunnuslauseesi.</translation>
    </message>
    <message>
        <source>Choose a backup.</source>
        <translation>Valitse varmuuskopio.</translation>
    </message>
    <message>
        <source>Restore the backup taken on {date}? The current database is moved into the backups folder and kept. Changes made after {date} will not be in the restored data.</source>
        <translation>Palautetaanko {date} otettu varmuuskopio? Nykyinen tietokanta siirretään varmuuskopiokansioon ja säilytetään. Ajankohdan {date} jälkeen tehdyt muutokset eivät ole mukana palautetuissa tiedoissa.</translation>
    </message>
    <message>
        <source>Put back the copy of the key file from the backups folder? The damaged key file is moved into the backups folder and kept. The database is not changed.</source>
        <translation>Palautetaanko avaintiedoston kopio varmuuskopiokansiosta? Vioittunut avaintiedosto siirretään varmuuskopiokansioon ja säilytetään. Tietokantaa ei muuteta.</translation>
    </message>
    <message>
        <source>The backup could not be restored.</source>
        <translation>Varmuuskopiota ei voitu palauttaa.</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Not scored. {reason}</source>
        <translation>Pisteitä ei laskettu. {reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{score}&lt;/b&gt; points</source>
        <translation>&lt;b&gt;{score}&lt;/b&gt; pistettä</translation>
    </message>
    <message>
        <source>Change since the start: {change}</source>
        <translation>Muutos alusta: {change}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Tulos</translation>
    </message>
</context>
<context>
    <name>RiskAlertDialog</name>
    <message>
        <source>Risk alert</source>
        <translation>Riskihälytys</translation>
    </message>
    <message>
        <source>Risk answer: requires clinical assessment now</source>
        <translation>Riskivastaus: vaatii kliinisen arvion heti</translation>
    </message>
    <message>
        <source>{questionnaire} · read before you continue</source>
        <translation>{questionnaire} · lue ennen kuin jatkat</translation>
    </message>
    <message>
        <source>The answer that raised the alert</source>
        <translation>Hälytyksen aiheuttanut vastaus</translation>
    </message>
    <message>
        <source>Your organisation&apos;s safety instructions</source>
        <translation>Organisaatiosi turvallisuusohjeet</translation>
    </message>
    <message>
        <source>Your organisation has not entered safety instructions in Askel. Follow your unit&apos;s agreed practice for an acute risk.</source>
        <translation>Organisaatiosi ei ole lisännyt turvallisuusohjeita Askel-sovellukseen. Toimi akuutissa riskitilanteessa yksikkösi sovitun käytännön mukaan.</translation>
    </message>
    <message>
        <source>What was done (required)</source>
        <translation>Mitä tehtiin (pakollinen)</translation>
    </message>
    <message>
        <source>Write at least {count} characters. The note is kept with the answers.</source>
        <translation>Kirjoita vähintään {count} merkkiä. Merkintä tallennetaan vastausten yhteyteen.</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Kuittaa</translation>
    </message>
    <message>
        <source>Answer: {value}</source>
        <translation>Vastaus: {value}</translation>
    </message>
    <message>
        <source>Question {number}: answer {value} ({label})</source>
        <translation>Kysymys {number}: vastaus {value} ({label})</translation>
    </message>
    <message>
        <source>Question {number}: answer {value}</source>
        <translation>Kysymys {number}: vastaus {value}</translation>
    </message>
    <message>
        <source>Risk question not answered: ask about it in person now</source>
        <translation>Riskikysymykseen ei vastattu: kysy asiasta nyt itse</translation>
    </message>
    <message>
        <source>The question that was not answered</source>
        <translation>Kysymys, johon ei vastattu</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Ei vastattu</translation>
    </message>
    <message>
        <source>Question {number}: not answered</source>
        <translation>Kysymys {number}: ei vastattu</translation>
    </message>
</context>
<context>
    <name>RiskMarker</name>
    <message>
        <source>{questionnaire}, question {numbers}</source>
        <translation>{questionnaire}, kysymys {numbers}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Risk answer&lt;/b&gt; {date}: {question}</source>
        <translation>&lt;b&gt;Riskivastaus&lt;/b&gt; {date}: {question}</translation>
    </message>
    <message>
        <source>(and {count} earlier)</source>
        <translation>(ja {count} aiempaa)</translation>
    </message>
    <message>
        <source>Acknowledged {date}: {note}</source>
        <translation>Kuitattu {date}: {note}</translation>
    </message>
    <message>
        <source>Acknowledged {date}.</source>
        <translation>Kuitattu {date}.</translation>
    </message>
    <message>
        <source>Not yet acknowledged.</source>
        <translation>Ei vielä kuitattu.</translation>
    </message>
    <message>
        <source>A minor: that a guardian was informed is not recorded.</source>
        <translation>Alaikäinen: huoltajalle kertomista ei ole kirjattu.</translation>
    </message>
    <message>
        <source>Guardian informed: {note}</source>
        <translation>Huoltajalle kerrottu: {note}</translation>
    </message>
    <message>
        <source>Guardian not informed: {note}</source>
        <translation>Huoltajalle ei kerrottu: {note}</translation>
    </message>
    <message>
        <source>Risk answer</source>
        <translation>Riskivastaus</translation>
    </message>
    <message>
        <source>Record the guardian…</source>
        <translation>Kirjaa huoltajalle kertominen…</translation>
    </message>
</context>
<context>
    <name>Scoring</name>
    <message>
        <source>This questionnaire is not answered by: {respondent}</source>
        <translation>Tämä kysely ei ole tarkoitettu vastaajalle: {respondent}</translation>
    </message>
    <message>
        <source>Too many unanswered items to score: {subscales}</source>
        <translation>Liian moni kysymys vastaamatta, joten pisteitä ei voi laskea: {subscales}</translation>
    </message>
    <message>
        <source>{missing} of {count} items are unanswered; a score allows at most {allowed} missing.</source>
        <translation>{missing}/{count} kysymykseen ei ole vastattu. Pisteet voi laskea, jos vastaamatta on enintään {allowed}.</translation>
    </message>
    <message>
        <source>Unknown question: {item}</source>
        <translation>Tuntematon kysymys: {item}</translation>
    </message>
    <message>
        <source>Question {item} cannot have the answer {value}; allowed: {allowed}</source>
        <translation>Kysymyksen {item} vastaus ei voi olla {value}. Sallitut vastaukset: {allowed}</translation>
    </message>
    <message>
        <source>Unknown cut-off choice {variant}; choose one of: {choices}</source>
        <translation>Tuntematon raja-arvovaihtoehto {variant}. Valitse jokin näistä: {choices}</translation>
    </message>
</context>
<context>
    <name>SessionRunner</name>
    <message>
        <source>← Course</source>
        <translation>← Hoitojakso</translation>
    </message>
    <message>
        <source>Session {number} / {planned}</source>
        <translation>Tapaaminen {number}/{planned}</translation>
    </message>
    <message>
        <source>Today&apos;s agenda</source>
        <translation>Asialista tänään</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Muistiinpano</translation>
    </message>
    <message>
        <source>Note: {item}</source>
        <translation>Muistiinpano: {item}</translation>
    </message>
    <message>
        <source>Session &amp;notes</source>
        <translation>Tapaamisen &amp;muistiinpanot</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Kotitehtävä</translation>
    </message>
    <message>
        <source>Agreed last time:</source>
        <translation>Sovittu viime kerralla:</translation>
    </message>
    <message>
        <source>No homework from last time.</source>
        <translation>Viime kerralta ei ole kotitehtävää.</translation>
    </message>
    <message>
        <source>How did it &amp;go?</source>
        <translation>Miten &amp;sujui?</translation>
    </message>
    <message>
        <source>Homework for &amp;next time</source>
        <translation>&amp;Kotitehtävä ensi kerraksi</translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation>&amp;Läsnäolo</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Toteutui</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Peruttu</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Ei saapunut</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Tapaamismuoto</translation>
    </message>
    <message>
        <source>Give a questionnaire</source>
        <translation>Uusi kysely</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>Päätä tapaaminen</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>K&amp;esto</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>Seuraava tapaaminen</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>&amp;Päivä</translation>
    </message>
    <message>
        <source>Day.month.year</source>
        <translation>päivä.kuukausi.vuosi</translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation>&amp;Aika</translation>
    </message>
    <message>
        <source>For example 14.00</source>
        <translation>Esimerkiksi 14.00</translation>
    </message>
    <message>
        <source>The children&apos;s situation and support discussed (Lapset puheeksi)</source>
        <translation>Lasten tilanteesta ja tuesta keskusteltu (Lapset puheeksi)</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Tallennettu {time}</translation>
    </message>
    <message>
        <source>{minutes} min over</source>
        <translation>{minutes} min yli</translation>
    </message>
    <message>
        <source>{minutes} min left</source>
        <translation>{minutes} min jäljellä</translation>
    </message>
    <message>
        <source>{minutes} of {length} min</source>
        <translation>{minutes}/{length} min</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuutti</numerusform>
            <numerusform>%n minuuttia</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n tunti</numerusform>
            <numerusform>%n tuntia</numerusform>
        </translation>
    </message>
    <message>
        <source>Time in the session: {time}</source>
        <translation>Tapaamista kulunut: {time}</translation>
    </message>
</context>
<context>
    <name>SessionSummaryDialog</name>
    <message>
        <source>Session closed</source>
        <translation>Tapaaminen päätetty</translation>
    </message>
    <message>
        <source>Session {number} closed</source>
        <translation>Tapaaminen {number} päätetty</translation>
    </message>
    <message>
        <source>Agenda: {done} of {total} items done.</source>
        <translation>Asialista: {done}/{total} kohtaa tehty.</translation>
    </message>
    <message>
        <source>{name}: {score} points ({note}).</source>
        <translation>{name}: {score} pistettä ({note}).</translation>
    </message>
    <message>
        <source>{name}: {score} points.</source>
        <translation>{name}: {score} pistettä.</translation>
    </message>
    <message>
        <source>Homework agreed: {homework}</source>
        <translation>Sovittu kotitehtävä: {homework}</translation>
    </message>
    <message>
        <source>Next appointment: {when}</source>
        <translation>Seuraava tapaaminen: {when}</translation>
    </message>
    <message>
        <source>No next appointment was agreed.</source>
        <translation>Seuraavasta tapaamisesta ei sovittu.</translation>
    </message>
    <message>
        <source>This was the last planned session. Finish the course when you are ready.</source>
        <translation>Tämä oli viimeinen suunniteltu tapaaminen. Päätä hoitojakso, kun olet valmis.</translation>
    </message>
    <message>
        <source>Next: session {number}: {purpose}</source>
        <translation>Seuraavaksi tapaaminen {number}: {purpose}</translation>
    </message>
    <message>
        <source>Back to the course</source>
        <translation>Takaisin hoitojaksoon</translation>
    </message>
    <message>
        <source>Export to record</source>
        <translation>Vie potilaskertomukseen</translation>
    </message>
    <message>
        <source>Handout for the client</source>
        <translation>Ohje asiakkaalle</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Set by your organisation&apos;s IT: cannot be changed here.</source>
        <translation>Organisaatiosi IT-tuki on määrittänyt tämän, eikä sitä voi muuttaa täällä.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Yleiset</translation>
    </message>
    <message>
        <source>&amp;Language of the program</source>
        <translation>&amp;Ohjelman kieli</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Tekstin koko</translation>
    </message>
    <message>
        <source>&amp;Lock automatically after this many minutes without use</source>
        <translation>&amp;Lukitse automaattisesti, kun ohjelma on ollut käyttämättä näin monta minuuttia</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Remember on this computer (open without the passphrase)</source>
        <translation>Muista tällä tietokoneella (avaa ilman tunnuslausetta)</translation>
    </message>
    <message>
        <source>Your organisation does not allow remembering the passphrase.</source>
        <translation>Organisaatiosi ei salli tunnuslauseen muistamista.</translation>
    </message>
    <message>
        <source>This computer has no secure key storage for remembering.</source>
        <translation>Tässä tietokoneessa ei ole turvallista avainsäilöä, joten tunnuslausetta ei voi muistaa.</translation>
    </message>
    <message>
        <source>Only on a computer that you alone use with your own account.</source>
        <translation>Vain tietokoneella, jota käytät yksin omilla tunnuksillasi.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Vaihda tunnuslause</translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation>&amp;Nykyinen tunnuslause</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Uusi tunnuslause</translation>
    </message>
    <message>
        <source>At least 10 characters.</source>
        <translation>Vähintään 10 merkkiä.</translation>
    </message>
    <message>
        <source>&amp;Repeat the new passphrase</source>
        <translation>&amp;Kirjoita uusi tunnuslause uudelleen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>The passphrases are not the same.</source>
        <translation>Tunnuslauseet eivät ole samat. Kirjoita sama tunnuslause molempiin kenttiin.</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Vaihdetaan…</translation>
    </message>
    <message>
        <source>Passphrase changed. Use the new one from now on.</source>
        <translation>Tunnuslause on vaihdettu. Käytä tästä lähtien uutta tunnuslausetta.</translation>
    </message>
    <message>
        <source>The current passphrase is not correct.</source>
        <translation>Nykyinen tunnuslause on väärä.</translation>
    </message>
    <message>
        <source>The passphrase could not be changed.</source>
        <translation>Tunnuslausetta ei voitu vaihtaa. Yritä uudelleen.</translation>
    </message>
    <message>
        <source>You in the patient record</source>
        <translation>Sinä potilaskertomuksessa</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>&amp;Rooli</translation>
    </message>
    <message>
        <source>Chooses the headings of your record entries.</source>
        <translation>Määrää kertomusmerkintöjesi otsikot.</translation>
    </message>
    <message>
        <source>Professional t&amp;itle</source>
        <translation>&amp;Ammattinimike</translation>
    </message>
    <message>
        <source>As it should read in the patient record, for example sairaanhoitaja (AMK).</source>
        <translation>Sellaisena kuin sen kuuluu näkyä potilaskertomuksessa, esimerkiksi sairaanhoitaja (AMK).</translation>
    </message>
    <message>
        <source>Terhikki registration n&amp;umber</source>
        <translation>Terhikki-rekisterinu&amp;mero</translation>
    </message>
    <message>
        <source>11 digits, from Valvira&apos;s register of health care professionals.</source>
        <translation>11 numeroa, Valviran terveydenhuollon ammattihenkilöiden rekisteristä.</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Tallenna tiedot</translation>
    </message>
    <message>
        <source>Saved. New exports use it.</source>
        <translation>Tallennettu. Uudet viennit käyttävät näitä tietoja.</translation>
    </message>
    <message>
        <source>&amp;About Askel…</source>
        <translation>Tieto&amp;ja Askelista…</translation>
    </message>
</context>
<context>
    <name>SetupBlocked</name>
    <message>
        <source>Askel cannot be set up yet</source>
        <translation>Askelia ei voi vielä ottaa käyttöön</translation>
    </message>
    <message>
        <source>Your organisation&apos;s IT policy cannot be used (see the notice above), so Askel cannot tell whether your data must also be protected with the organisation&apos;s recovery key. Ask your IT support to correct the policy, then start Askel again. Nothing has been saved on this computer.</source>
        <translation>Organisaatiosi IT-käytäntöä ei voi käyttää (katso ilmoitus yllä), joten Askel ei tiedä, pitääkö tietosi suojata myös organisaation palautusavaimella. Pyydä IT-tukea korjaamaan käytäntö ja käynnistä Askel sitten uudelleen. Tälle tietokoneelle ei ole tallennettu mitään.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Askel</source>
        <translation>Askel</translation>
    </message>
    <message>
        <source>Askel – training</source>
        <translation>Askel – harjoittelu</translation>
    </message>
    <message>
        <source>Training vault: every client here is fictitious. Do not enter real client data.</source>
        <translation>Harjoitustietovarasto: kaikki asiakkaat ovat kuvitteellisia. Älä kirjaa tänne oikeiden asiakkaiden tietoja.</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Calculating…</source>
        <translation>Lasketaan…</translation>
    </message>
    <message>
        <source>The statistics could not be calculated.</source>
        <translation>Tilastoja ei voitu laskea.</translation>
    </message>
    <message>
        <source>Sessions by attendance</source>
        <translation>Tapaamiset läsnäolon mukaan</translation>
    </message>
    <message>
        <source>Wait for the figures to be calculated, then export.</source>
        <translation>Odota, että luvut on laskettu, ja vie ne sitten.</translation>
    </message>
    <message>
        <source>statistics-{start}-{end}</source>
        <translation>tilastot-{start}-{end}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-työkirjat (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the statistics</source>
        <translation>Tallenna tilastot</translation>
    </message>
    <message>
        <source>The file could not be saved. Check the folder and try again.</source>
        <translation>Tiedostoa ei voitu tallentaa. Tarkista kansio ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>Saved: {file}</source>
        <translation>Tallennettu: {file}</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Tilastot</translation>
    </message>
    <message>
        <source>How the methods are used and with what effect, for the unit head and the coordination centre. Only counts and shares are shown, never a client.</source>
        <translation>Miten menetelmiä käytetään ja millä tuloksin – yksikön esihenkilölle ja koordinaatiokeskukselle. Näkyvissä on vain lukumääriä ja osuuksia, ei koskaan yksittäistä asiakasta.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Menetelmä</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>Kaikki menetelmät</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Vie Excel…</translation>
    </message>
    <message>
        <source>No coordinator key is set (IT sets region_recipient_key), so no regional data set can be made.</source>
        <translation>Koordinaattorin avainta ei ole asetettu (IT asettaa region_recipient_key-asetuksen), joten alueellista aineistoa ei voi tehdä.</translation>
    </message>
    <message>
        <source>Save the regional data set</source>
        <translation>Tallenna alueellinen aineisto</translation>
    </message>
    <message>
        <source>The regional data set could not be saved. Nothing was logged.</source>
        <translation>Alueellista aineistoa ei voitu tallentaa. Mitään ei kirjattu lokiin.</translation>
    </message>
    <message>
        <source>Regional data set saved: {file}. It is in the disclosure log.</source>
        <translation>Alueellinen aineisto tallennettu: {file}. Se on kirjattu luovutuslokiin.</translation>
    </message>
    <message>
        <source>Regional data set…</source>
        <translation>Alueellinen aineisto…</translation>
    </message>
    <message>
        <source>Pseudonymous course records of this period for the county&apos;s coordination centre, encrypted to its key</source>
        <translation>Ajanjakson pseudonymisoidut hoitojaksotiedot hyvinvointialueen koordinaatiokeskukselle sen avaimella salattuina</translation>
    </message>
    <message>
        <source>Outcome rules: {preset}.</source>
        <translation>Tuloksellisuuden säännöt: {preset}.</translation>
    </message>
</context>
<context>
    <name>StatisticsTables</name>
    <message>
        <source>“{hidden}” marks a hidden figure: every figure based on fewer than 5 courses or sessions is hidden, and so are enough others that none of them can be worked out from the totals.</source>
        <translation>Merkki ”{hidden}” tarkoittaa piilotettua lukua. Piilossa ovat kaikki alle viiteen hoitojaksoon tai käyntiin perustuvat luvut sekä niin monta muuta, ettei niitä voi laskea summista.</translation>
    </message>
    <message>
        <source>Hidden so that no client can be recognised</source>
        <translation>Piilotettu, jotta asiakasta ei voi tunnistaa</translation>
    </message>
</context>
<context>
    <name>StoreScreen</name>
    <message>
        <source>Regional statistics</source>
        <translation>Alueen tilastot</translation>
    </message>
    <message>
        <source>The county&apos;s pooled figures from the units&apos; regional data sets. Open the region store to see them.</source>
        <translation>Hyvinvointialueen yhdistetyt luvut yksiköiden alueellisista aineistoista. Avaa alueellinen tietokanta nähdäksesi ne.</translation>
    </message>
    <message>
        <source>Store: {location}</source>
        <translation>Tietokanta: {location}</translation>
    </message>
    <message>
        <source>Store &amp;passphrase</source>
        <translation>Tietokannan &amp;tunnuslause</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Yhdistä</translation>
    </message>
    <message>
        <source>Enter the store&apos;s passphrase.</source>
        <translation>Kirjoita tietokannan tunnuslause.</translation>
    </message>
    <message>
        <source>There is no region store here yet. Data sets are imported into it with askel region import.</source>
        <translation>Täällä ei ole vielä alueellista tietokantaa. Aineistot tuodaan siihen komennolla askel region import.</translation>
    </message>
    <message>
        <source>The store was written by a newer Askel. Update Askel to open it.</source>
        <translation>Tietokanta on tehty uudemmalla Askelilla. Päivitä Askel avataksesi sen.</translation>
    </message>
    <message>
        <source>The store&apos;s address is not a PostgreSQL address (postgresql+psycopg://…).</source>
        <translation>Tietokannan osoite ei ole PostgreSQL-osoite (postgresql+psycopg://…).</translation>
    </message>
    <message>
        <source>The database server could not be reached, or it refused the connection. Check the address and the network, or ask IT.</source>
        <translation>Tietokantapalvelimeen ei saatu yhteyttä, tai se hylkäsi yhteyden. Tarkista osoite ja verkko tai kysy IT:ltä.</translation>
    </message>
    <message>
        <source>The store could not be opened: it may be damaged, or its key file is missing.</source>
        <translation>Tietokantaa ei voitu avata: se voi olla vioittunut, tai sen avaintiedosto puuttuu.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Askel is locked</source>
        <translation>Askel on lukittu</translation>
    </message>
    <message>
        <source>Askel locked itself to protect client data. Enter your passphrase to continue.</source>
        <translation>Askel lukittui automaattisesti asiakastietojen suojaamiseksi. Jatka kirjoittamalla tunnuslauseesi.</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Tervetuloa takaisin</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your clients.</source>
        <translation>Kirjoita tunnuslauseesi, niin pääset asiakkaidesi tietoihin.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Tunnuslause</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Avataan…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Palauta varmuuskopio…</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Kirjoita tunnuslauseesi.</translation>
    </message>
    <message>
        <source>Askel could not open the data folder.</source>
        <translation>Askel ei voinut avata tietokansiota.</translation>
    </message>
    <message>
        <source>The latest backup was taken on {date}.</source>
        <translation>Viimeisin varmuuskopio on otettu {date}.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Clients</source>
        <translation>Asiakkaat</translation>
    </message>
    <message>
        <source>Guarantee list</source>
        <translation>Terapiatakuu</translation>
    </message>
    <message>
        <source>My methods</source>
        <translation>Omat menetelmät</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Tilastot</translation>
    </message>
    <message>
        <source>+ Log a contact</source>
        <translation>+ Kirjaa yhteydenotto</translation>
    </message>
    <message>
        <source>Log a contact without opening a session (Ctrl+K)</source>
        <translation>Kirjaa yhteydenotto avaamatta tapaamista (Ctrl+K)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Lukitse (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lukitse</translation>
    </message>
    <message>
        <source>{name}, {age} years · {code}</source>
        <translation>{name}, {age} v · {code}</translation>
    </message>
    <message>
        <source>Risk answer {date}</source>
        <translation>Riskivastaus {date}</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Osiot</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Kirjaa yhteydenotto</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Ryhmät</translation>
    </message>
    <message>
        <source>{meeting} closed: written into the records of {count} members.</source>
        <translation>{meeting} suljettu: kirjattu {count} ryhmäläisen tietoihin.</translation>
    </message>
</context>
<context>
    <name>hetu</name>
    <message>
        <source>Enter a personal identity code.</source>
        <translation>Kirjoita henkilötunnus.</translation>
    </message>
    <message>
        <source>A personal identity code has 11 characters; this one has {length}.</source>
        <translation>Henkilötunnuksessa on 11 merkkiä, tässä on {length}.</translation>
    </message>
    <message>
        <source>A personal identity code is six digits, a century sign, three digits and a check character.</source>
        <translation>Henkilötunnus muodostuu kuudesta numerosta, välimerkistä, kolmesta numerosta ja tarkistusmerkistä.</translation>
    </message>
    <message>
        <source>The seventh character must be a century sign: + (1800s), - Y X W V U (1900s) or A to F (2000s).</source>
        <translation>Seitsemännen merkin on oltava välimerkki: + (1800-luku), - Y X W V U (1900-luku) tai A–F (2000-luku).</translation>
    </message>
    <message>
        <source>The birth date in the code is in the future.</source>
        <translation>Henkilötunnuksen syntymäaika on tulevaisuudessa.</translation>
    </message>
    <message>
        <source>The individual number (characters 8–10) cannot be 000 or 001.</source>
        <translation>Yksilönumero (merkit 8–10) ei voi olla 000 tai 001.</translation>
    </message>
    <message>
        <source>The check character does not match. Check the identity code with the client or from the Kela card.</source>
        <translation>Tarkistusmerkki ei täsmää. Tarkista henkilötunnus asiakkaalta tai Kela-kortista.</translation>
    </message>
    <message>
        <source>The first six digits are not a real date (DDMMYY) in the century given.</source>
        <translation>Kuusi ensimmäistä numeroa eivät ole todellinen päivämäärä (PPKKVV) välimerkin osoittamalla vuosisadalla.</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Nurse</source>
        <translation>Sairaanhoitaja</translation>
    </message>
    <message>
        <source>Public health nurse</source>
        <translation>Terveydenhoitaja</translation>
    </message>
    <message>
        <source>Psychologist</source>
        <translation>Psykologi</translation>
    </message>
    <message>
        <source>School psychologist</source>
        <translation>Koulupsykologi</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>Sosiaalityöntekijä</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Muu</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Suomi</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Ruotsi</translation>
    </message>
    <message>
        <source>Session of the method</source>
        <translation>Menetelmän tapaaminen</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Puhelu</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Viesti</translation>
    </message>
    <message>
        <source>Meeting with a guardian</source>
        <translation>Tapaaminen huoltajan kanssa</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Konsultaatio</translation>
    </message>
    <message>
        <source>Parents&apos; meeting of the method</source>
        <translation>Menetelmän vanhempaintapaaminen</translation>
    </message>
    <message>
        <source>Other contact</source>
        <translation>Muu yhteydenotto</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Kasvokkain</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>This setting is locked by your organisation&apos;s IT.</source>
        <translation>Organisaatiosi IT-tuki on lukinnut tämän asetuksen.</translation>
    </message>
    <message>
        <source>Use true or false.</source>
        <translation>Käytä arvoa true tai false.</translation>
    </message>
    <message>
        <source>Use a whole number from {minimum} to {maximum}.</source>
        <translation>Käytä kokonaislukua väliltä {minimum}–{maximum}.</translation>
    </message>
    <message>
        <source>Use one of: {choices}.</source>
        <translation>Käytä jotakin seuraavista: {choices}.</translation>
    </message>
    <message>
        <source>Use one line of text, at most {limit} characters.</source>
        <translation>Käytä yhtä tekstiriviä, enintään {limit} merkkiä.</translation>
    </message>
    <message>
        <source>Use text without control characters, at most {limit} characters.</source>
        <translation>Käytä tekstiä ilman ohjausmerkkejä, enintään {limit} merkkiä.</translation>
    </message>
    <message>
        <source>Use an absolute folder path, or leave it empty.</source>
        <translation>Käytä absoluuttista kansiopolkua tai jätä tyhjäksi.</translation>
    </message>
    <message>
        <source>Use a base64-encoded 32-byte public key, or leave it empty.</source>
        <translation>Käytä base64-koodattua 32-tavuista julkista avainta tai jätä tyhjäksi.</translation>
    </message>
    <message>
        <source>Use a list of at most {limit} base64-encoded 32-byte public keys.</source>
        <translation>Käytä luetteloa, jossa on enintään {limit} base64-koodattua 32-tavuista julkista avainta.</translation>
    </message>
    <message>
        <source>Use an OID: numbers separated by dots, such as 1.2.246.10.12345678.22.</source>
        <translation>Käytä OID-tunnistetta: pisteillä erotettuja numeroita, esimerkiksi 1.2.246.10.12345678.22.</translation>
    </message>
    <message>
        <source>Unknown setting; it was ignored.</source>
        <translation>Tuntematon asetus, joten se ohitettiin.</translation>
    </message>
    <message>
        <source>The file is owned by user {uid}, not by root.</source>
        <translation>Tiedoston omistaa käyttäjä {uid}, ei root.</translation>
    </message>
    <message>
        <source>Users other than root can change the file (mode {mode}).</source>
        <translation>Muutkin käyttäjät kuin root voivat muuttaa tiedostoa (oikeudet {mode}).</translation>
    </message>
    <message>
        <source>Users other than root can change the folder {folder} (owner {uid}, mode {mode}).</source>
        <translation>Muutkin käyttäjät kuin root voivat muuttaa kansiota {folder} (omistaja {uid}, oikeudet {mode}).</translation>
    </message>
    <message>
        <source>{path} is owned by {owner}, not by Administrators or SYSTEM.</source>
        <translation>Kohteen {path} omistaa {owner}, ei Administrators tai SYSTEM.</translation>
    </message>
    <message>
        <source>{path} has no access list: everyone can change it.</source>
        <translation>Kohteella {path} ei ole käyttöoikeusluetteloa: kuka tahansa voi muuttaa sitä.</translation>
    </message>
    <message>
        <source>{account} can change {path}; only administrators may.</source>
        <translation>{account} voi muuttaa kohdetta {path}; vain järjestelmänvalvojat saavat.</translation>
    </message>
    <message>
        <source>Who can change the file could not be checked ({error}).</source>
        <translation>Tiedoston muutosoikeuksia ei voitu tarkistaa ({error}).</translation>
    </message>
    <message>
        <source>Unknown section &quot;{section}&quot;: only &quot;policy&quot; and &quot;defaults&quot;.</source>
        <translation>Tuntematon osio &quot;{section}&quot;: vain &quot;policy&quot; ja &quot;defaults&quot; ovat sallittuja.</translation>
    </message>
    <message>
        <source>The section &quot;{section}&quot; is not a JSON object.</source>
        <translation>Osio &quot;{section}&quot; ei ole JSON-objekti.</translation>
    </message>
    <message>
        <source>The file could not be read ({error}).</source>
        <translation>Tiedostoa ei voitu lukea ({error}).</translation>
    </message>
    <message>
        <source>The file is larger than {limit} bytes.</source>
        <translation>Tiedosto on suurempi kuin {limit} tavua.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line {line}, column {column}).</source>
        <translation>Tiedosto ei ole kelvollista JSONia (rivi {line}, sarake {column}).</translation>
    </message>
    <message>
        <source>The file is not a JSON object.</source>
        <translation>Tiedosto ei ole JSON-objekti.</translation>
    </message>
    <message>
        <source>The file is not a property list dictionary.</source>
        <translation>Tiedosto ei ole property list -sanakirja.</translation>
    </message>
    <message>
        <source>The registry key could not be read ({error}).</source>
        <translation>Rekisteriavainta ei voitu lukea ({error}).</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>Enter a name.</source>
        <translation>Kirjoita nimi.</translation>
    </message>
    <message>
        <source>A name cannot contain digits.</source>
        <translation>Nimessä ei voi olla numeroita.</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>Kirjoita päivämäärä.</translation>
    </message>
    <message>
        <source>Enter the date as day.month.year, for example 5.3.2026.</source>
        <translation>Kirjoita päivämäärä muodossa p.k.vvvv, esimerkiksi 5.3.2026.</translation>
    </message>
    <message>
        <source>This date does not exist in the calendar.</source>
        <translation>Tätä päivämäärää ei ole kalenterissa.</translation>
    </message>
    <message>
        <source>Enter a time.</source>
        <translation>Kirjoita kellonaika.</translation>
    </message>
    <message>
        <source>Enter the time as hours.minutes, for example 14.05.</source>
        <translation>Kirjoita aika muodossa tunnit.minuutit, esimerkiksi 14.05.</translation>
    </message>
    <message>
        <source>This time does not exist: hours go to 23 and minutes to 59.</source>
        <translation>Tätä kellonaikaa ei ole: tunnit ovat 0–23 ja minuutit 0–59.</translation>
    </message>
    <message>
        <source>The next appointment must be in the future.</source>
        <translation>Seuraavan tapaamisen pitää olla tulevaisuudessa.</translation>
    </message>
    <message>
        <source>A birth date cannot be in the future.</source>
        <translation>Syntymäaika ei voi olla tulevaisuudessa.</translation>
    </message>
    <message>
        <source>A birth date cannot be before {year}.</source>
        <translation>Syntymäaika ei voi olla ennen vuotta {year}.</translation>
    </message>
    <message>
        <source>Enter the number of minutes.</source>
        <translation>Kirjoita minuuttimäärä.</translation>
    </message>
    <message>
        <source>Enter the minutes as a whole number.</source>
        <translation>Kirjoita minuutit kokonaislukuna.</translation>
    </message>
    <message>
        <source>Enter a number of minutes from {lo} to {hi}.</source>
        <translation>Kirjoita minuuttimäärä väliltä {lo}–{hi}.</translation>
    </message>
    <message>
        <source>Enter an ICD-10 code.</source>
        <translation>Kirjoita ICD-10-koodi.</translation>
    </message>
    <message>
        <source>An ICD-10 code is a letter, two digits and an optional subcode, for example F32.1.</source>
        <translation>ICD-10-koodi on kirjain, kaksi numeroa ja mahdollinen tarkenne, esimerkiksi F32.1.</translation>
    </message>
    <message>
        <source>Use at least {minimum} characters.</source>
        <translation>Käytä vähintään {minimum} merkkiä.</translation>
    </message>
    <message>
        <source>A name may contain only letters, spaces, hyphens and apostrophes.</source>
        <translation>Nimessä voi olla vain kirjaimia, välilyöntejä, yhdysmerkkejä ja heittomerkkejä.</translation>
    </message>
    <message>
        <source>The text is too long: at most {limit} characters are allowed, now {length}.</source>
        <translation>Teksti on liian pitkä: enintään {limit} merkkiä on sallittu, nyt {length}.</translation>
    </message>
    <message>
        <source>A Terhikki registration number has 11 digits.</source>
        <translation>Terhikki-rekisterinumerossa on 11 numeroa.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Use several words that do not belong together, or make it longer.</source>
        <translation>Tämä tunnuslause on liian helppo arvata. Käytä useita sanoja, jotka eivät kuulu yhteen, tai pidennä sitä.</translation>
    </message>
</context>
<context>
    <name>vault</name>
    <message>
        <source>The data folder could not be opened.</source>
        <translation>Tietokansiota ei voitu avata.</translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check the keyboard layout and Caps Lock.</source>
        <translation>Tunnuslause on väärä. Tarkista näppäimistön kieli ja Caps Lock.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases. Try again in {seconds} seconds.</source>
        <translation>Liian monta väärää tunnuslausetta. Yritä uudelleen {seconds} sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>The key file of this data folder is missing. Without it the data cannot be opened: restore the key file from a backup or ask IT to use the organisation recovery key.</source>
        <translation>Tietokansion avaintiedosto puuttuu. Ilman sitä tietoja ei voi avata. Palauta avaintiedosto varmuuskopiosta tai pyydä IT-tukea käyttämään organisaation palautusavainta.</translation>
    </message>
    <message>
        <source>The key file of this data folder is damaged. Nothing was changed. Restore the key file from a backup or ask IT to use the organisation recovery key.</source>
        <translation>Tietokansion avaintiedosto on vioittunut. Mitään ei muutettu. Palauta avaintiedosto varmuuskopiosta tai pyydä IT-tukea käyttämään organisaation palautusavainta.</translation>
    </message>
    <message>
        <source>The database could not be read: it may be damaged or belong to another key file. Nothing was changed. You can restore the latest backup.</source>
        <translation>Tietokantaa ei voitu lukea: se voi olla vioittunut tai kuulua toiseen avaintiedostoon. Mitään ei muutettu. Voit palauttaa viimeisimmän varmuuskopion.</translation>
    </message>
    <message>
        <source>The database file of this data folder is missing. Nothing was created in its place. You can restore the latest backup.</source>
        <translation>Tietokansion tietokantatiedosto puuttuu. Tilalle ei luotu uutta. Voit palauttaa viimeisimmän varmuuskopion.</translation>
    </message>
    <message>
        <source>This data was saved by a newer version of Askel. Install the newer version to open it; nothing was changed.</source>
        <translation>Tiedot on tallennettu Askel-sovelluksen uudemmalla versiolla. Asenna uudempi versio, niin voit avata ne. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>This computer has no secure key storage available. Use the passphrase instead.</source>
        <translation>Tässä tietokoneessa ei ole käytettävissä turvallista avainsäilöä. Käytä tunnuslausetta.</translation>
    </message>
    <message>
        <source>The passphrase is not remembered on this computer.</source>
        <translation>Tunnuslausetta ei ole tallennettu tälle tietokoneelle.</translation>
    </message>
    <message>
        <source>This data folder has no organisation recovery key.</source>
        <translation>Tietokansiolla ei ole organisaation palautusavainta.</translation>
    </message>
    <message>
        <source>This data folder already holds an Askel vault.</source>
        <translation>Tietokansiossa on jo Askel-tietovarasto.</translation>
    </message>
    <message>
        <source>The disk is full or not writable. The last change was not saved; free some space and try again.</source>
        <translation>Levy on täynnä tai sille ei voi tallentaa. Viimeisintä muutosta ei tallennettu. Vapauta tilaa ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>Part of the database is missing: the file askel.db-wal, which holds the latest changes, is gone. Nothing was changed. Put the file back if you have a copy, or restore the latest backup.</source>
        <translation>Osa tietokannasta puuttuu: viimeisimmät muutokset sisältävä tiedosto askel.db-wal on kadonnut. Mitään ei muutettu. Palauta tiedosto paikalleen, jos sinulla on siitä kopio, tai palauta viimeisin varmuuskopio.</translation>
    </message>
    <message>
        <source>Askel could not read or write the data folder. Check that the disk is connected and working. The last change was not saved.</source>
        <translation>Askel ei voinut lukea tietokansiota tai tallentaa siihen. Tarkista, että levy on kytketty ja toimii. Viimeisintä muutosta ei tallennettu.</translation>
    </message>
    <message>
        <source>This backup cannot be restored: it is damaged or was made with another key file. Nothing was changed.</source>
        <translation>Tätä varmuuskopiota ei voi palauttaa: se on vioittunut tai tehty toisella avaintiedostolla. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Askel and cannot be restored here. Nothing was changed.</source>
        <translation>Tämä varmuuskopio on tehty Askel-sovelluksen uudemmalla versiolla, eikä sitä voi palauttaa tässä versiossa. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>This data folder holds a real vault, not a training vault. Fictitious clients are only added to training vaults: choose another data folder.</source>
        <translation>Tässä tietokansiossa on oikeiden asiakkaiden tietovarasto, ei harjoitustietovarasto. Kuvitteellisia asiakkaita lisätään vain harjoitustietovarastoihin. Valitse toinen tietokansio.</translation>
    </message>
    <message>
        <source>This key file is older than the database: the passphrase or the keys were changed after it was made, so it is no longer accepted. Nothing was changed. Put the current key file back, or ask IT to use the organisation recovery key.</source>
        <translation>Tämä avaintiedosto on tietokantaa vanhempi: tunnuslause tai avaimet on vaihdettu sen jälkeen, joten sitä ei enää hyväksytä. Mitään ei muutettu. Palauta nykyinen avaintiedosto tai pyydä IT-tukea käyttämään organisaation palautusavainta.</translation>
    </message>
    <message>
        <source>The data folder is a file, not a folder. Check the data folder setting. Nothing was changed.</source>
        <translation>Tietokansio on tiedosto eikä kansio. Tarkista tietokansion asetus. Mitään ei muutettu.</translation>
    </message>
</context>
</TS>
