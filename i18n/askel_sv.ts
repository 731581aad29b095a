<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_FI" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Askel</source>
        <translation>Om Askel</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Askel is free software, licensed under the European Union Public Licence, version 1.2 (EUPL-1.2). You may use, copy, share and change it on the terms of the licence, which is equally valid in every official language of the EU, Finnish and Swedish included. Askel comes with no warranty, to the extent the law allows.</source>
        <translation>Askel är fri programvara med licensen Europeiska unionens allmänna licens, version 1.2 (EUPL-1.2). Du får använda, kopiera, dela och ändra programmet enligt licensens villkor. Licensen är lika giltig på alla EU:s officiella språk, också på finska och svenska. Askel levereras utan garanti i den utsträckning lagen tillåter.</translation>
    </message>
    <message>
        <source>Their licence texts are in the folder {folder}.</source>
        <translation>Deras licenstexter finns i mappen {folder}.</translation>
    </message>
    <message>
        <source>Their licence texts are in the licenses folder of the installed program.</source>
        <translation>Deras licenstexter finns i mappen licenses i det installerade programmet.</translation>
    </message>
    <message>
        <source>Askel includes free software by others, each under its own licence: Qt and PySide6 (GNU LGPL 3), Python (PSF licence), SQLCipher (BSD), OpenSSL (Apache 2.0) and others.</source>
        <translation>Askel innehåller fri programvara av andra, var och en med sin egen licens: Qt och PySide6 (GNU LGPL 3), Python (PSF-licensen), SQLCipher (BSD), OpenSSL (Apache 2.0) och andra.</translation>
    </message>
    <message>
        <source>&amp;Licence text (EUPL-1.2, in English)</source>
        <translation>&amp;Licenstext (EUPL-1.2, på engelska)</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Licenstext</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>Add a member</source>
        <translation>Lägg till en deltagare</translation>
    </message>
    <message>
        <source>Add a member to {group}</source>
        <translation>Lägg till en deltagare: {group}</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Klient</translation>
    </message>
    <message>
        <source>Search by name, identity code or birth date. A new client is added on the client list first.</source>
        <translation>Sök med namn, personbeteckning eller födelsedatum. En ny klient läggs först till i klientlistan.</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>Hittade klienter</translation>
    </message>
    <message>
        <source>&amp;Joined on</source>
        <translation>&amp;Gick med</translation>
    </message>
    <message>
        <source>&amp;Need established (therapy guarantee)</source>
        <translation>&amp;Vårdbehovet konstaterat (terapigaranti)</translation>
    </message>
    <message>
        <source>When the client has no waiting course of the method. Leave empty if not recorded.</source>
        <translation>Om klienten inte har en väntande vårdperiod med metoden. Lämna tomt om behovet inte är antecknat.</translation>
    </message>
    <message>
        <source>&amp;Why the client joins late</source>
        <translation>&amp;Varför klienten går med senare</translation>
    </message>
    <message>
        <source>The group has already met; the reason goes into the client&apos;s record.</source>
        <translation>Gruppen har redan träffats; orsaken antecknas i klientens journal.</translation>
    </message>
    <message>
        <source>Add to the group</source>
        <translation>Lägg till i gruppen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Choose the client from the list.</source>
        <translation>Välj klienten i listan.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Datumet kan inte ligga i framtiden.</translation>
    </message>
</context>
<context>
    <name>AttendanceList</name>
    <message>
        <source>Came</source>
        <translation>Närvarande</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbokat</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Uteblev</translation>
    </message>
    <message>
        <source>– not marked</source>
        <translation>– inte markerat</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Hemuppgift</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>CaseSummaryDialog</name>
    <message>
        <source>Case summary for mentoring</source>
        <translation>Fallsammanfattning för mentorshandledning</translation>
    </message>
    <message>
        <source>{method} · {count} sessions held</source>
        <translation>{method} · {count} träffar hållna</translation>
    </message>
    <message>
        <source>An anonymised summary of this course to take to a mentoring meeting: the method, the focus area, the agenda items done and skipped in each session, and the scores. It leaves out the client&apos;s name, identity code, birth date, school, identifier, all dates and your session notes.</source>
        <translation>En anonym sammanfattning av den här vårdperioden att ta med till ett mentorsmöte: metoden, fokusområdet, punkterna på agendan som gjordes och hoppades över vid varje träff samt poängen. Klientens namn, personbeteckning, födelsedatum, skola, identifierare, alla datum och dina anteckningar från träffarna lämnas bort.</translation>
    </message>
    <message>
        <source>&amp;Language of the summary</source>
        <translation>Sammanfattningens &amp;språk</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Finska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Ren text</translation>
    </message>
    <message>
        <source>&amp;What was hard</source>
        <translation>&amp;Vad var svårt</translation>
    </message>
    <message>
        <source>In your own words: what you would like to go through with your mentor. Do not write the client&apos;s name or anything else that could identify the client.</source>
        <translation>Med egna ord: vad du vill gå igenom med din mentor. Skriv inte klientens namn eller något annat som kan identifiera klienten.</translation>
    </message>
    <message>
        <source>Include session notes</source>
        <translation>Ta med anteckningar från träffarna</translation>
    </message>
    <message>
        <source>Your session notes, agenda item notes and homework, as you wrote them. Left out unless you tick this.</source>
        <translation>Dina anteckningar från träffarna och punkterna på agendan samt hemuppgifterna, så som du skrev dem. De lämnas bort om du inte kryssar för det här.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsgranskning</translation>
    </message>
    <message>
        <source>This is what the summary says. The PDF has the same content.</source>
        <translation>Så här lyder sammanfattningen. PDF-filen har samma innehåll.</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Spara…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Remove the client&apos;s identifying details from the text before saving: {words}.</source>
        <translation>Ta bort klientens identifierande uppgifter ur texten innan du sparar: {words}.</translation>
    </message>
    <message>
        <source>The text may name the client or the school: {words}. Rewrite it, or confirm when you save that these words do not identify the client.</source>
        <translation>Texten kan nämna klienten eller skolan: {words}. Skriv om den, eller bekräfta när du sparar att orden inte identifierar klienten.</translation>
    </message>
    <message>
        <source>Include session notes?</source>
        <translation>Ta med anteckningarna från träffarna?</translation>
    </message>
    <message>
        <source>Session notes may identify the client.</source>
        <translation>Anteckningarna från träffarna kan identifiera klienten.</translation>
    </message>
    <message>
        <source>Notes often mention names, places, events and family details that someone could recognise. With the notes, the summary is no longer anonymous: share it only as your organisation allows, and only with your mentor.</source>
        <translation>Anteckningar nämner ofta namn, platser, händelser och familjeförhållanden som någon kan känna igen. Med anteckningarna är sammanfattningen inte längre anonym: dela den bara så som din organisation tillåter och bara med din mentor.</translation>
    </message>
    <message>
        <source>Include notes</source>
        <translation>Ta med anteckningarna</translation>
    </message>
    <message>
        <source>Check the text</source>
        <translation>Kontrollera texten</translation>
    </message>
    <message>
        <source>The text may name the client or the school: {words}.</source>
        <translation>Texten kan nämna klienten eller skolan: {words}.</translation>
    </message>
    <message>
        <source>Save only if these words do not identify the client.</source>
        <translation>Spara bara om orden inte identifierar klienten.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Spara ändå</translation>
    </message>
    <message>
        <source>Edit the text</source>
        <translation>Redigera texten</translation>
    </message>
    <message>
        <source>Save the case summary</source>
        <translation>Spara fallsammanfattningen</translation>
    </message>
    <message>
        <source>The text has the client&apos;s identifying details. Remove them, then save.</source>
        <translation>Texten innehåller klientens identifierande uppgifter. Ta bort dem och spara sedan.</translation>
    </message>
    <message>
        <source>case-summary</source>
        <translation>fallsammanfattning</translation>
    </message>
    <message>
        <source>Saved as {file}. The save is recorded in the disclosure log.</source>
        <translation>Sparad som {file}. Sparandet har förts in i utlämnandeloggen.</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the folder exists and that you may write to it.</source>
        <translation>Filen kunde inte skrivas. Kontrollera att mappen finns och att du får skriva i den.</translation>
    </message>
    <message>
        <source>No recipient key is set, so the file cannot be encrypted.</source>
        <translation>Ingen mottagarnyckel har angetts, så filen kan inte krypteras.</translation>
    </message>
    <message>
        <source>The summary could not be saved.</source>
        <translation>Sammanfattningen kunde inte sparas.</translation>
    </message>
    <message>
        <source>The summary could not be saved. Nothing was written or logged.</source>
        <translation>Sammanfattningen kunde inte sparas. Ingenting skrevs eller loggades.</translation>
    </message>
    <message>
        <source>Preview of the summary</source>
        <translation>Förhandsgranskning av sammanfattningen</translation>
    </message>
</context>
<context>
    <name>ChooseQuestionnaireDialog</name>
    <message>
        <source>Give a questionnaire</source>
        <translation>Nytt formulär</translation>
    </message>
    <message>
        <source>{questionnaire} (planned for this session)</source>
        <translation>{questionnaire} (planerat för den här träffen)</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Formulär</translation>
    </message>
    <message>
        <source>Who answers</source>
        <translation>Vem svarar</translation>
    </message>
    <message>
        <source>Language of the questions</source>
        <translation>Frågornas språk</translation>
    </message>
    <message>
        <source>The client fills it in on this screen</source>
        <translation>Klienten fyller i själv på den här skärmen</translation>
    </message>
    <message>
        <source>I enter the answers</source>
        <translation>Jag för in svaren</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>Klienten</translation>
    </message>
    <message>
        <source>A parent</source>
        <translation>En förälder</translation>
    </message>
    <message>
        <source>The clinician</source>
        <translation>Behandlaren</translation>
    </message>
    <message>
        <source>When the client fills it in, the screen shows only the questions. To return, press {keys} or “{button}” in the corner and type your passphrase.</source>
        <translation>När klienten fyller i formuläret själv visar skärmen bara frågorna. Du kommer tillbaka genom att trycka på {keys} eller på knappen ”{button}” i hörnet och skriva din lösenfras.</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Ny klient</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Redigera klientens uppgifter</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Efternamn</translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation>&amp;Förnamn</translation>
    </message>
    <message>
        <source>&amp;Identity code</source>
        <translation>&amp;Personbeteckning</translation>
    </message>
    <message>
        <source>For example 131052-308T</source>
        <translation>Till exempel 131052-308T</translation>
    </message>
    <message>
        <source>&amp;No identity code (Askel creates a local ID)</source>
        <translation>&amp;Ingen personbeteckning (Askel skapar ett lokalt ID)</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Födelse&amp;datum</translation>
    </message>
    <message>
        <source>Day.month.year, for example 5.3.2012</source>
        <translation>I formen d.m.åååå, till exempel 5.3.2012</translation>
    </message>
    <message>
        <source>Client&apos;s &amp;language</source>
        <translation>Klientens sp&amp;råk</translation>
    </message>
    <message>
        <source>Questionnaires and client texts use this language.</source>
        <translation>Formulär och texter till klienten visas på det här språket.</translation>
    </message>
    <message>
        <source>&amp;School or unit</source>
        <translation>&amp;Skola eller enhet</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Non-disclosure for personal safety (turvakielto)</source>
        <translation>Spärrmarkering</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>For a client under 18. Leave empty if not needed.</source>
        <translation>För en klient under 18 år. Lämna tomt om det inte behövs.</translation>
    </message>
    <message>
        <source>Guardian {number}</source>
        <translation>Vårdnadshavare {number}</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation till klienten</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Enter the identity code, or tick “No identity code”.</source>
        <translation>Skriv in personbeteckningen eller kryssa för ”Ingen personbeteckning”.</translation>
    </message>
    <message>
        <source>Check the marked fields.</source>
        <translation>Kontrollera de markerade fälten.</translation>
    </message>
    <message>
        <source>Another client already has this identity code.</source>
        <translation>En annan klient har redan den här personbeteckningen.</translation>
    </message>
    <message>
        <source>Sex for reference values (optional)</source>
        <translation>Kön för referensvärden (valfritt)</translation>
    </message>
    <message>
        <source>Only for questionnaire limits that differ by sex, such as AUDIT-C. Never read from the identity code.</source>
        <translation>Endast för formulärens gränsvärden som skiljer sig mellan könen, till exempel AUDIT-C. Härleds aldrig ur personbeteckningen.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Kvinna</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Man</translation>
    </message>
</context>
<context>
    <name>ClientListPage</name>
    <message>
        <source>Clients</source>
        <translation>Klienter</translation>
    </message>
    <message>
        <source>Search by name, identity code or birth date</source>
        <translation>Sök på namn, personbeteckning eller födelsedatum</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Sök klienter</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Ny klient</translation>
    </message>
    <message>
        <source>Add a client (Ctrl+N)</source>
        <translation>Lägg till en klient (Ctrl+N)</translation>
    </message>
    <message>
        <source>Unfinished session: {name}, session {number} started {date}. What was typed has been kept.</source>
        <translation>Oavslutad träff: {name}, träff {number}, påbörjad {date}. Det som skrevs har sparats.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
    <message>
        <source>No client matches “{query}”. Check the spelling, or add a new client.</source>
        <translation>Ingen klient matchar ”{query}”. Kontrollera stavningen eller lägg till en ny klient.</translation>
    </message>
    <message>
        <source>No clients yet. Add the first one with “New client”.</source>
        <translation>Inga klienter ännu. Lägg till den första med ”Ny klient”.</translation>
    </message>
    <message>
        <source>Receive a handover…</source>
        <translation>Ta emot en överlämning…</translation>
    </message>
    <message>
        <source>Receive a client that a colleague handed over from their Askel</source>
        <translation>Ta emot en klient som en kollega har överlämnat från sitt Askel</translation>
    </message>
    <message>
        <source>Unfinished group meeting: {group}, started {date}. What was typed has been kept.</source>
        <translation>Oavslutad gruppträff: {group}, påbörjad {date}. Det som skrevs har sparats.</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>← All clients</source>
        <translation>← Alla klienter</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Redigera</translation>
    </message>
    <message>
        <source>Change the client&apos;s details (Ctrl+E)</source>
        <translation>Ändra klientens uppgifter (Ctrl+E)</translation>
    </message>
    <message>
        <source>Non-disclosure for personal safety: do not give this client&apos;s address or contact details to anyone.</source>
        <translation>Spärrmarkering: lämna inte ut klientens adress eller kontaktuppgifter till någon.</translation>
    </message>
    <message>
        <source>Next appointment: {when}</source>
        <translation>Nästa träff: {when}</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Uppgifter</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <source>None (local identifier {local_id})</source>
        <translation>Saknas (lokal identifierare {local_id})</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>{date} ({age} years)</source>
        <translation>{date} ({age} år)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>School or unit</source>
        <translation>Skola eller enhet</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Courses of treatment</source>
        <translation>Vårdperioder</translation>
    </message>
    <message>
        <source>No courses yet. Start one when the need for treatment is established.</source>
        <translation>Inga vårdperioder ännu. Inled en vårdperiod när vårdbehovet har konstaterats.</translation>
    </message>
    <message>
        <source>Start a course</source>
        <translation>Inled en vårdperiod</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planerad</translation>
    </message>
    <message>
        <source>active</source>
        <translation>pågående</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>avslutad</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>Överlämna…</translation>
    </message>
    <message>
        <source>Hand this client&apos;s courses over to a colleague&apos;s Askel</source>
        <translation>Överlämna klientens vårdperioder till en kollegas Askel</translation>
    </message>
    <message>
        <source>Read the receipt…</source>
        <translation>Läs kvittot…</translation>
    </message>
    <message>
        <source>handed over to {name}</source>
        <translation>överlämnad till {name}</translation>
    </message>
    <message>
        <source>Handed over to {name} on {date}: the copy here is read-only.</source>
        <translation>Överlämnad till {name} {date}: kopian här är skrivskyddad.</translation>
    </message>
    <message>
        <source>It is removed from here when you read {name}&apos;s receipt.</source>
        <translation>Den tas bort härifrån när du läser kvittot från {name}.</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
</context>
<context>
    <name>ContentPack</name>
    <message>
        <source>The key file is not an unencrypted Ed25519 private key (PEM).</source>
        <translation>Nyckelfilen är inte en okrypterad privat Ed25519-nyckel (PEM).</translation>
    </message>
    <message>
        <source>No trusted keys for content packs are set in IT policy.</source>
        <translation>Inga betrodda nycklar för innehållspaket har angetts i IT-policyn.</translation>
    </message>
    <message>
        <source>Trusted key {number} in IT policy is not a base64 Ed25519 public key.</source>
        <translation>Betrodd nyckel {number} i IT-policyn är inte en base64-kodad offentlig Ed25519-nyckel.</translation>
    </message>
    <message>
        <source>The pack holds a file with an unsafe name: {path}</source>
        <translation>Paketet innehåller en fil med ett osäkert namn: {path}</translation>
    </message>
    <message>
        <source>No pack found at {path}</source>
        <translation>Inget paket hittades i {path}</translation>
    </message>
    <message>
        <source>The pack has more than {limit} files.</source>
        <translation>Paketet innehåller fler än {limit} filer.</translation>
    </message>
    <message>
        <source>The file {path} is larger than the limit.</source>
        <translation>Filen {path} är större än gränsen tillåter.</translation>
    </message>
    <message>
        <source>The pack is larger than the limit.</source>
        <translation>Paketet är större än gränsen tillåter.</translation>
    </message>
    <message>
        <source>The pack holds a link, which is not allowed: {path}</source>
        <translation>Paketet innehåller en länk, vilket inte är tillåtet: {path}</translation>
    </message>
    <message>
        <source>The pack holds the file {path} twice.</source>
        <translation>Paketet innehåller filen {path} två gånger.</translation>
    </message>
    <message>
        <source>The file is not a readable zip archive: {path}</source>
        <translation>Filen är inte ett läsbart zip-arkiv: {path}</translation>
    </message>
    <message>
        <source>The pack has no manifest.yaml or manifest.json.</source>
        <translation>Paketet saknar manifest.yaml eller manifest.json.</translation>
    </message>
    <message>
        <source>The pack has both manifest.yaml and manifest.json.</source>
        <translation>Paketet har både manifest.yaml och manifest.json. Ta bort den ena.</translation>
    </message>
    <message>
        <source>The manifest is malformed: {problem}</source>
        <translation>Manifestet är felaktigt: {problem}</translation>
    </message>
    <message>
        <source>The pack is not signed (manifest.sig is missing).</source>
        <translation>Paketet är inte signerat (manifest.sig saknas).</translation>
    </message>
    <message>
        <source>The pack&apos;s signature does not match any key trusted by IT policy.</source>
        <translation>Paketets signatur stämmer inte med någon nyckel som IT-policyn litar på.</translation>
    </message>
    <message>
        <source>The pack holds a file its manifest does not list: {path}</source>
        <translation>Paketet innehåller en fil som inte finns med i manifestet: {path}</translation>
    </message>
    <message>
        <source>A file listed in the manifest is missing: {path}</source>
        <translation>En fil som finns med i manifestet saknas: {path}</translation>
    </message>
    <message>
        <source>The file {path} has changed since the pack was signed.</source>
        <translation>Filen {path} har ändrats efter att paketet signerades.</translation>
    </message>
    <message>
        <source>A definition in the pack is not valid: {problem}</source>
        <translation>En definition i paketet är ogiltig: {problem}</translation>
    </message>
    <message>
        <source>Pack {pack} version {version} is not newer than the installed version {installed}.</source>
        <translation>Version {version} av paketet {pack} är inte nyare än den installerade versionen {installed}.</translation>
    </message>
    <message>
        <source>The installed pack folder {path} does not match its manifest.</source>
        <translation>Den installerade paketmappen {path} stämmer inte med sitt manifest.</translation>
    </message>
    <message>
        <source>Put {path} under instruments/, protocols/ or texts/.</source>
        <translation>Lägg {path} i mappen instruments/, protocols/ eller texts/.</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <source>Calculating…</source>
        <translation>Beräknar…</translation>
    </message>
    <message>
        <source>The figures could not be calculated: the store could not be read.</source>
        <translation>Siffrorna kunde inte beräknas: databasen kunde inte läsas.</translation>
    </message>
    <message>
        <source>No data sets have been imported into this store yet.</source>
        <translation>Inga datamängder har ännu importerats till den här databasen.</translation>
    </message>
    <message>
        <source>Data sets of {units} units ({installations} installations); the newest was imported on {date}.</source>
        <translation>Datamängder från {units} enheter ({installations} installationer); den senaste importerades {date}.</translation>
    </message>
    <message>
        <source>Median days from need to first treatment, by month</source>
        <translation>Dagar från konstaterat vårdbehov till första behandlingsbesöket, median per månad</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} dygn</translation>
    </message>
    <message>
        <source>Wait for the figures to be calculated, then export.</source>
        <translation>Vänta tills siffrorna är beräknade och exportera sedan.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the regional report</source>
        <translation>Spara den regionala rapporten</translation>
    </message>
    <message>
        <source>The file could not be saved. Check the folder and try again.</source>
        <translation>Filen kunde inte sparas. Kontrollera mappen och försök igen.</translation>
    </message>
    <message>
        <source>Saved: {file}</source>
        <translation>Sparad: {file}</translation>
    </message>
    <message>
        <source>Regional statistics</source>
        <translation>Regional statistik</translation>
    </message>
    <message>
        <source>The county&apos;s units together, by unit, method and month. Each table is protected once, on the pooled figures; no figure shows a client.</source>
        <translation>Välfärdsområdets enheter tillsammans, per enhet, metod och månad. Varje tabell skyddas en gång, på de sammanslagna siffrorna; ingen siffra visar en klient.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Exportera Excel…</translation>
    </message>
</context>
<context>
    <name>CoordinatorWindow</name>
    <message>
        <source>Askel – regional statistics</source>
        <translation>Askel – regional statistik</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>Start a course</source>
        <translation>Inled en vårdperiod</translation>
    </message>
    <message>
        <source>Start a course for {name}</source>
        <translation>Ny vårdperiod för {name}</translation>
    </message>
    <message>
        <source>Methods suited to the client&apos;s age ({age} years) are listed.</source>
        <translation>Listan visar metoder som passar klientens ålder ({age} år).</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Metod</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>&amp;Need established</source>
        <translation>&amp;Vårdbehovet konstaterat</translation>
    </message>
    <message>
        <source>Day.month.year</source>
        <translation>d.m.åååå</translation>
    </message>
    <message>
        <source>&amp;Planned sessions</source>
        <translation>&amp;Planerade träffar</translation>
    </message>
    <message>
        <source>&amp;Focus area</source>
        <translation>&amp;Fokusområde</translation>
    </message>
    <message>
        <source>&amp;ICD-10 (optional)</source>
        <translation>&amp;ICD-10 (frivilligt)</translation>
    </message>
    <message>
        <source>For example F32.1</source>
        <translation>Till exempel F32.1</translation>
    </message>
    <message>
        <source>&amp;Goal agreed with the client (optional)</source>
        <translation>&amp;Gemensamt mål med klienten (frivilligt)</translation>
    </message>
    <message>
        <source>Step of care</source>
        <translation>Vårdnivå</translation>
    </message>
    <message>
        <source>Your decision, not a score rule.</source>
        <translation>Ditt eget beslut – poängen avgör inte.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <source>1 Guided self-help</source>
        <translation>1 Handledd egenvård</translation>
    </message>
    <message>
        <source>2 Brief therapy</source>
        <translation>2 Korttidsterapi</translation>
    </message>
    <message>
        <source>3 Short psychotherapy</source>
        <translation>3 Kort psykoterapi</translation>
    </message>
    <message>
        <source>4 Long or specialised care</source>
        <translation>4 Lång terapi eller specialiserad sjukvård</translation>
    </message>
    <message>
        <source>How the client came</source>
        <translation>Kontaktväg</translation>
    </message>
    <message>
        <source>First assessment visit</source>
        <translation>Första bedömning</translation>
    </message>
    <message>
        <source>Terapianavigaattori</source>
        <translation>Terapinavigatorn</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skolan</translation>
    </message>
    <message>
        <source>Self-referral</source>
        <translation>Egen kontakt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>Referens (frivilligt)</translation>
    </message>
    <message>
        <source>E.g. a navigator code</source>
        <translation>T.ex. en kod från navigatorn</translation>
    </message>
    <message>
        <source>Does the client have children under 18 or other dependants?</source>
        <translation>Har klienten barn under 18 år eller andra anhöriga som hen tar hand om?</translation>
    </message>
    <message>
        <source>If yes, each session gets a checklist item to discuss the children&apos;s situation and support.</source>
        <translation>Om ja, får varje träff en punkt på checklistan om att tala om barnens situation och stöd.</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>Inte frågat ännu</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Start course</source>
        <translation>Inled vårdperioden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>No method in the content suits this client&apos;s age.</source>
        <translation>Innehållet har ingen metod som passar klientens ålder.</translation>
    </message>
    <message>
        <source>You have not recorded training in this method. Consult your mentor before starting, or record your training under My methods.</source>
        <translation>Du har inte registrerat någon utbildning i den här metoden. Rådgör med din mentor innan du börjar, eller registrera din utbildning under Mina metoder.</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Inte valt ännu</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Datumet kan inte ligga i framtiden.</translation>
    </message>
    <message>
        <source>Day.month.year: the day you established the need for this treatment. The therapy guarantee&apos;s 28 days count from it.</source>
        <translation>Dag.månad.år: den dag du konstaterade behovet av den här behandlingen. Terapigarantins 28 dagar räknas från den.</translation>
    </message>
    <message>
        <source>&amp;Need established (optional)</source>
        <translation>&amp;Vårdbehovet konstaterat (valfritt)</translation>
    </message>
    <message>
        <source>{method} (not trained)</source>
        <translation>{method} (ingen utbildning)</translation>
    </message>
    <message>
        <source>Enter the day the need for treatment was established: the therapy guarantee counts from it.</source>
        <translation>Skriv den dag då vårdbehovet konstaterades: terapigarantin räknas från den.</translation>
    </message>
    <message>
        <source>The date is before the client&apos;s birth date.</source>
        <translation>Datumet är före klientens födelsedag.</translation>
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
        <translation>Planerad</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Pågående</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <source>{done} of {planned} sessions</source>
        <translation>{done} av {planned} träffar</translation>
    </message>
    <message>
        <source>need established {date}</source>
        <translation>vårdbehovet konstaterat {date}</translation>
    </message>
    <message>
        <source>focus: {area}</source>
        <translation>fokusområde: {area}</translation>
    </message>
    <message>
        <source>Continue session {number}</source>
        <translation>Fortsätt träff {number}</translation>
    </message>
    <message>
        <source>Start session {number}</source>
        <translation>Starta träff {number}</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Give a questionnaire</source>
        <translation>Nytt formulär</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Finish course</source>
        <translation>Avsluta vårdperioden</translation>
    </message>
    <message>
        <source>Export to record</source>
        <translation>Exportera till journalen</translation>
    </message>
    <message>
        <source>Text, PDF or FHIR for the patient record (Ctrl+Shift+E)</source>
        <translation>Text, PDF eller FHIR för journalen (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Handout for the client</source>
        <translation>Blad till klienten</translation>
    </message>
    <message>
        <source>Homework and the next appointment for the client, as a PDF or on paper, in the client&apos;s language</source>
        <translation>Hemuppgiften och nästa träff till klienten som PDF eller på papper, på klientens språk</translation>
    </message>
    <message>
        <source>Case summary for mentoring</source>
        <translation>Fallsammanfattning för mentorshandledning</translation>
    </message>
    <message>
        <source>An anonymised summary of this course for a mentoring meeting</source>
        <translation>En anonym sammanfattning av vårdperioden för ett mentorsmöte</translation>
    </message>
    <message>
        <source>Session plan</source>
        <translation>Plan för träffarna</translation>
    </message>
    <message>
        <source>Other contacts</source>
        <translation>Övriga kontakter</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Formulär</translation>
    </message>
    <message>
        <source>Protocol fidelity: {done} of {planned} agenda items done ({percent} %).</source>
        <translation>Följsamhet till metoden: {done} av {planned} punkter på agendan gjorda ({percent} %).</translation>
    </message>
    <message>
        <source>Therapy guarantee met: treatment started on day {days}.</source>
        <translation>Terapigarantin uppfylldes: behandlingen inleddes på väntedag {days}.</translation>
    </message>
    <message>
        <source>Therapy guarantee not met: treatment started on day {days}.</source>
        <translation>Terapigarantin uppfylldes inte: behandlingen inleddes på väntedag {days}.</translation>
    </message>
    <message>
        <source>attended</source>
        <translation>genomförd</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbokad</translation>
    </message>
    <message>
        <source>did not come</source>
        <translation>uteblev</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>pågår</translation>
    </message>
    <message>
        <source>next</source>
        <translation>nästa</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Träff</translation>
    </message>
    <message>
        <source>No questionnaires yet.</source>
        <translation>Inga formulär ännu.</translation>
    </message>
    <message>
        <source>change {delta} since the start</source>
        <translation>förändring sedan början {delta}</translation>
    </message>
    <message>
        <source>Outcome: {category}</source>
        <translation>Förändringskategori: {category}</translation>
    </message>
    <message>
        <source>{questionnaire} (not scored): {alerts}</source>
        <translation>{questionnaire} (inga poäng): {alerts}</translation>
    </message>
    <message>
        <source>Handed over to {name} on {date}. The copy here is read-only: the course goes on in their Askel.</source>
        <translation>Överlämnad till {name} {date}. Kopian här är skrivskyddad: vårdperioden fortsätter i kollegans Askel.</translation>
    </message>
    <message>
        <source>Change the guarantee exception</source>
        <translation>Ändra undantaget från terapigarantin</translation>
    </message>
    <message>
        <source>Record a guarantee exception</source>
        <translation>Registrera ett undantag från terapigarantin</translation>
    </message>
    <message>
        <source>Planned {questionnaires} not given in session {number}.</source>
        <translation>Planerade {questionnaires} gavs inte (träff {number}).</translation>
    </message>
    <message>
        <source>The therapy guarantee does not apply: the need was established before 1.5.2025.</source>
        <translation>Terapigarantin gäller inte den här vårdperioden: vårdbehovet konstaterades före 1.5.2025.</translation>
    </message>
    <message>
        <source>Therapy guarantee: the first session of the method is dated before the need was established ({need}). Check the need date or the session&apos;s date.</source>
        <translation>Terapigaranti: metodens första träff är daterad före den dag vårdbehovet konstaterades ({need}). Kontrollera datumet för vårdbehovet eller träffens datum.</translation>
    </message>
    <message>
        <source>Therapy guarantee: exception recorded ({reason}): {note}</source>
        <translation>Terapigaranti: undantag registrerat ({reason}): {note}</translation>
    </message>
    <message>
        <source>Therapy guarantee: waiting day {days} of 28, on time. The first session of the method by {deadline} ({left} days left).</source>
        <translation>Terapigaranti: väntedag {days} av 28, i tid. Metodens första träff senast {deadline} ({left} dagar kvar).</translation>
    </message>
    <message>
        <source>Therapy guarantee: waiting day {days} of 28, at risk. The first session of the method by {deadline} ({left} days left).</source>
        <translation>Terapigaranti: väntedag {days} av 28, tidsfristen närmar sig. Metodens första träff senast {deadline} ({left} dagar kvar).</translation>
    </message>
    <message>
        <source>Therapy guarantee: waiting day {days}, overdue. The first session of the method was due by {deadline}.</source>
        <translation>Terapigaranti: väntedag {days}, tidsfristen har gått ut. Metodens första träff skulle ha varit senast {deadline}.</translation>
    </message>
    <message>
        <source>group: {name} ({format})</source>
        <translation>grupp: {name} ({format})</translation>
    </message>
    <message>
        <source>Open the group</source>
        <translation>Öppna gruppen</translation>
    </message>
    <message>
        <source>The sessions of this course are the group&apos;s meetings</source>
        <translation>Vårdperiodens träffar är gruppens träffar</translation>
    </message>
    <message>
        <source>came</source>
        <translation>närvarande</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Save answers</source>
        <translation>Spara svaren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to the patient record</source>
        <translation>Exportera till journalen</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Vad</translation>
    </message>
    <message>
        <source>The whole course</source>
        <translation>Hela vårdperioden</translation>
    </message>
    <message>
        <source>Session {number} ({date})</source>
        <translation>Träff {number} ({date})</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Finska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>The record is written for staff, so the language follows your interface language. The client&apos;s language: {language}.</source>
        <translation>Anteckningen skrivs för personalen, så språket följer ditt gränssnittsspråk. Klientens språk: {language}.</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>Text entry for the record</source>
        <translation>Textanteckning för journalen</translation>
    </message>
    <message>
        <source>PDF for the record</source>
        <translation>PDF för journalen</translation>
    </message>
    <message>
        <source>FHIR for systems (JSON)</source>
        <translation>FHIR för system (JSON)</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>Exportera till</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Kopiera till urklipp</translation>
    </message>
    <message>
        <source>Save to a file</source>
        <translation>Spara i en fil</translation>
    </message>
    <message>
        <source>The export folder set by IT</source>
        <translation>Exportmappen som IT har angett</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>Encrypt for the recipient set by IT</source>
        <translation>Kryptera för mottagaren som IT har angett</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsgranskning</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Paste the text into the patient record. It is removed from the clipboard after {seconds} seconds.</source>
        <translation>Klistra in texten i journalen. Den tas bort från urklipp efter {seconds} sekunder.</translation>
    </message>
    <message>
        <source>Paste the text into the patient record.</source>
        <translation>Klistra in texten i journalen.</translation>
    </message>
    <message>
        <source>The file holds client data: save it only where your organisation allows.</source>
        <translation>Filen innehåller klientuppgifter: spara den bara där din organisation tillåter det.</translation>
    </message>
    <message>
        <source>Encrypted for the recipient set by IT.</source>
        <translation>Krypteras för mottagaren som IT har angett.</translation>
    </message>
    <message>
        <source>The patient record system reads this folder.</source>
        <translation>Patientdatasystemet läser den här mappen.</translation>
    </message>
    <message>
        <source>Collect the printout at once.</source>
        <translation>Hämta utskriften genast.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiera</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Spara…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Skriv ut…</translation>
    </message>
    <message>
        <source>This is the text that is copied or saved.</source>
        <translation>Det här är texten som kopieras eller sparas.</translation>
    </message>
    <message>
        <source>The PDF carries this text and a chart of the scores.</source>
        <translation>PDF:en innehåller den här texten och ett diagram över poängen.</translation>
    </message>
    <message>
        <source>The client&apos;s copy leaves out your notes and risk alerts.</source>
        <translation>Klientens kopia utelämnar dina anteckningar och riskvarningar.</translation>
    </message>
    <message>
        <source>The FHIR document carries this text and the structured data.</source>
        <translation>FHIR-dokumentet innehåller den här texten och de strukturerade uppgifterna.</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Spara exporten</translation>
    </message>
    <message>
        <source>course</source>
        <translation>vårdperiod</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>kontakt</translation>
    </message>
    <message>
        <source>session-{number}</source>
        <translation>besök-{number}</translation>
    </message>
    <message>
        <source>It is removed from the clipboard after {seconds} seconds.</source>
        <translation>Den tas bort från urklipp efter {seconds} sekunder.</translation>
    </message>
    <message>
        <source>No export folder is set. Save to a file instead.</source>
        <translation>Ingen exportmapp har angetts. Spara i en fil i stället.</translation>
    </message>
    <message>
        <source>The export folder cannot be reached. Check the network connection, or save to a file.</source>
        <translation>Exportmappen går inte att nå. Kontrollera nätverksanslutningen eller spara i en fil.</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the folder exists and that you may write to it.</source>
        <translation>Filen kunde inte skrivas. Kontrollera att mappen finns och att du har skrivrätt till den.</translation>
    </message>
    <message>
        <source>No recipient key is set, so the file cannot be encrypted.</source>
        <translation>Ingen mottagarnyckel har angetts, så filen kan inte krypteras.</translation>
    </message>
    <message>
        <source>The export did not succeed.</source>
        <translation>Exporten lyckades inte.</translation>
    </message>
    <message>
        <source>The export did not succeed. Nothing was sent or logged.</source>
        <translation>Exporten lyckades inte. Inget skickades eller loggades.</translation>
    </message>
    <message>
        <source>Other contact ({date})</source>
        <translation>Annan kontakt ({date})</translation>
    </message>
    <message>
        <source>Copy of the record for the client (PDF)</source>
        <translation>Kopia av journalen till klienten (PDF)</translation>
    </message>
    <message>
        <source>The client&apos;s temporary identity code is left out of the FHIR document, because IT has not set the root of temporary identifiers. The receiving system cannot match the client by that code.</source>
        <translation>Klientens tillfälliga personbeteckning lämnas bort ur FHIR-dokumentet, eftersom IT inte har angett roten för tillfälliga identifierare. Det mottagande systemet kan inte identifiera klienten med den.</translation>
    </message>
    <message>
        <source>{count} invisible</source>
        <translation>{count} osynliga</translation>
    </message>
    <message>
        <source>{count} characters in this text may be rejected by the patient record (highlighted: {codes}). Replace them with plain equivalents, or remove the invisible ones, before copying?</source>
        <translation>Journalen kan avvisa {count} tecken i den här texten (markerade: {codes}). Ska de ersättas med vanliga tecken och de osynliga tas bort före kopieringen?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersätt</translation>
    </message>
    <message>
        <source>Preview of the export</source>
        <translation>Förhandsgranskning av exporten</translation>
    </message>
</context>
<context>
    <name>ExportLog</name>
    <message>
        <source>text entry</source>
        <translation>textanteckning</translation>
    </message>
    <message>
        <source>PDF for the record</source>
        <translation>PDF för journalen</translation>
    </message>
    <message>
        <source>copy of the record for the client</source>
        <translation>kopia av journalen till klienten</translation>
    </message>
    <message>
        <source>handout for the client</source>
        <translation>utdelningsblad till klienten</translation>
    </message>
    <message>
        <source>FHIR</source>
        <translation>FHIR</translation>
    </message>
    <message>
        <source>case summary for mentoring</source>
        <translation>fallsammanfattning för mentorshandledning</translation>
    </message>
    <message>
        <source>copied to the clipboard</source>
        <translation>kopierad till urklipp</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>utskriven</translation>
    </message>
    <message>
        <source>saved as {file}</source>
        <translation>sparad som {file}</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>krypterad</translation>
    </message>
    <message>
        <source>Exported {date} {time}: {kind} ({language}), {where}.</source>
        <translation>Exporterat {date} {time}: {kind} ({language}), {where}.</translation>
    </message>
    <message>
        <source>in Finnish</source>
        <translation>på finska</translation>
    </message>
    <message>
        <source>in Swedish</source>
        <translation>på svenska</translation>
    </message>
    <message>
        <source>Handed over {date} {time} to {name}</source>
        <translation>Överlämnad {date} {time} till {name}</translation>
    </message>
    <message>
        <source>Received {date} {time} from {name}</source>
        <translation>Mottagen {date} {time} från {name}</translation>
    </message>
    <message>
        <source>Removed {date} {time} after {name}&apos;s receipt</source>
        <translation>Borttagen {date} {time} efter kvitto från {name}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>{label} (required)</source>
        <translation>{label} (obligatorisk)</translation>
    </message>
</context>
<context>
    <name>FinishCourseDialog</name>
    <message>
        <source>Finish course</source>
        <translation>Avsluta vårdperioden</translation>
    </message>
    <message>
        <source>Finish the course</source>
        <translation>Avsluta vårdperioden</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Genomförd</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <source>&amp;Reason or remarks</source>
        <translation>&amp;Orsak eller kommentarer</translation>
    </message>
    <message>
        <source>The client&apos;s rating of usefulness</source>
        <translation>Klientens bedömning av nyttan</translation>
    </message>
    <message>
        <source>1 Not useful</source>
        <translation>1 Inte till nytta</translation>
    </message>
    <message>
        <source>2 Somewhat useful</source>
        <translation>2 Till viss nytta</translation>
    </message>
    <message>
        <source>3 Useful</source>
        <translation>3 Till nytta</translation>
    </message>
    <message>
        <source>4 Very useful</source>
        <translation>4 Till stor nytta</translation>
    </message>
    <message>
        <source>&amp;Next step (your decision)</source>
        <translation>&amp;Nästa steg (ditt beslut)</translation>
    </message>
    <message>
        <source>No further care</source>
        <translation>Ingen fortsatt vård</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>Uppföljningsbesök</translation>
    </message>
    <message>
        <source>More intensive care (next step)</source>
        <translation>Mer intensiv vård (nästa vårdnivå)</translation>
    </message>
    <message>
        <source>Referral to specialised care</source>
        <translation>Remiss till specialiserad sjukvård</translation>
    </message>
    <message>
        <source>First and last scores</source>
        <translation>Första och senaste poäng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Formulär</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Första</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Senaste</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Förändring</translation>
    </message>
    <message>
        <source>No questionnaires were given.</source>
        <translation>Inga formulär fylldes i.</translation>
    </message>
    <message>
        <source>Outcome: {category}</source>
        <translation>Utfall: {category}</translation>
    </message>
</context>
<context>
    <name>FirstRunAssistant</name>
    <message>
        <source>Step {step} of {steps}</source>
        <translation>Steg {step} av {steps}</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Om dig</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ditt &amp;namn</translation>
    </message>
    <message>
        <source>Shown in the use log and in exported records.</source>
        <translation>Visas i användningsloggen och i uppgifter som exporteras till journalen.</translation>
    </message>
    <message>
        <source>Your &amp;role</source>
        <translation>Din &amp;roll</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Välj en lösenfras</translation>
    </message>
    <message>
        <source>Client data on this computer is encrypted with your passphrase. Use at least 10 characters; a few unrelated words are easy to remember and hard to guess. If you forget it, only your organisation&apos;s IT can recover the data.</source>
        <translation>Klientuppgifterna på den här datorn krypteras med din lösenfras. Använd minst 10 tecken. Några ord som inte hör ihop är lätta att komma ihåg och svåra att gissa. Om du glömmer lösenfrasen kan bara din organisations IT-stöd återställa uppgifterna.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Lösenfras</translation>
    </message>
    <message>
        <source>&amp;Repeat the passphrase</source>
        <translation>&amp;Upprepa lösenfrasen</translation>
    </message>
    <message>
        <source>Remember on this computer (open without the passphrase)</source>
        <translation>Kom ihåg på den här datorn (öppna utan lösenfras)</translation>
    </message>
    <message>
        <source>Only on a computer that you alone use with your own account. The screen still locks itself when you are away, and unlocking it then needs the passphrase.</source>
        <translation>Endast på en dator som bara du använder, med ditt eget konto. Skärmen låses ändå när du är borta, och för att låsa upp den behövs lösenfrasen.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Create and open</source>
        <translation>Skapa och öppna</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <source>The passphrases are not the same.</source>
        <translation>Lösenfraserna är inte likadana. Skriv samma lösenfras i båda fälten.</translation>
    </message>
    <message>
        <source>The data folder could not be created. Check that the disk is writable.</source>
        <translation>Datamappen kunde inte skapas. Kontrollera att det går att spara på disken.</translation>
    </message>
    <message>
        <source>Professional &amp;title (optional)</source>
        <translation>&amp;Yrkesbeteckning (frivillig)</translation>
    </message>
    <message>
        <source>As it should read in the patient record, for example sairaanhoitaja (AMK).</source>
        <translation>Så som den ska stå i journalen, till exempel sjukskötare (YH).</translation>
    </message>
    <message>
        <source>&amp;Terhikki registration number (optional)</source>
        <translation>Registreringsnummer i &amp;Terhikki (frivilligt)</translation>
    </message>
    <message>
        <source>11 digits, from Valvira&apos;s register of health care professionals.</source>
        <translation>11 siffror, från Valviras register över yrkesutbildade personer inom hälso- och sjukvården.</translation>
    </message>
</context>
<context>
    <name>GiveHandoverDialog</name>
    <message>
        <source>Hand over to a colleague</source>
        <translation>Överlämna till en kollega</translation>
    </message>
    <message>
        <source>Hand over {name} to a colleague</source>
        <translation>Överlämna {name} till en kollega</translation>
    </message>
    <message>
        <source>Askel writes one encrypted file with the chosen courses, their sessions, notes, homework and questionnaires, and the client&apos;s details. Your colleague opens it in their own Askel with a six-word code that is shown here once.</source>
        <translation>Askel skriver en krypterad fil med de valda vårdperioderna, deras träffar, anteckningar, hemuppgifter och formulär samt klientens uppgifter. Din kollega öppnar den i sitt eget Askel med en kod på sex ord som visas här bara en gång.</translation>
    </message>
    <message>
        <source>Courses to hand over</source>
        <translation>Vårdperioder att överlämna</translation>
    </message>
    <message>
        <source>&amp;Colleague who receives the client</source>
        <translation>&amp;Kollega som tar emot klienten</translation>
    </message>
    <message>
        <source>Their name, as it should appear in both logs.</source>
        <translation>Kollegans namn så som det ska stå i båda loggarna.</translation>
    </message>
    <message>
        <source>Here, after the handover</source>
        <translation>Här efter överlämningen</translation>
    </message>
    <message>
        <source>&amp;Keep a read-only copy, marked as handed over</source>
        <translation>&amp;Behåll en skrivskyddad kopia, märkt som överlämnad</translation>
    </message>
    <message>
        <source>&amp;Remove the courses once the colleague&apos;s receipt arrives</source>
        <translation>&amp;Ta bort vårdperioderna när kollegans kvitto kommer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Write the handover file…</source>
        <translation>&amp;Skriv överlämningsfilen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Handover code</source>
        <translation>Överlämningskod</translation>
    </message>
    <message>
        <source>In Finnish</source>
        <translation>På finska</translation>
    </message>
    <message>
        <source>In Swedish (the same code)</source>
        <translation>På svenska (samma kod)</translation>
    </message>
    <message>
        <source>your colleague</source>
        <translation>din kollega</translation>
    </message>
    <message>
        <source>{name}&apos;s Askel writes a small receipt when the handover arrives. When you read it here (client page, Read the receipt), the courses are removed from this Askel.</source>
        <translation>När överlämningen kommer fram skriver Askel hos {name} ett litet kvitto. När du läser det här (klientens sida, Läs kvittot) tas vårdperioderna bort ur detta Askel.</translation>
    </message>
    <message>
        <source>The courses stay here for reference, marked as handed over to {name}; they can no longer be changed here.</source>
        <translation>Vårdperioderna blir kvar här som referens, märkta som överlämnade till {name}; de kan inte längre ändras här.</translation>
    </message>
    <message>
        <source>askel-handover</source>
        <translation>askel-overlamning</translation>
    </message>
    <message>
        <source>Save the handover file</source>
        <translation>Spara överlämningsfilen</translation>
    </message>
    <message>
        <source>Choose at least one course to hand over.</source>
        <translation>Välj minst en vårdperiod att överlämna.</translation>
    </message>
    <message>
        <source>Write the name of the colleague who receives the client.</source>
        <translation>Skriv namnet på kollegan som tar emot klienten.</translation>
    </message>
    <message>
        <source>Choose a folder outside Askel&apos;s data folder.</source>
        <translation>Välj en mapp utanför Askels datamapp.</translation>
    </message>
    <message>
        <source>The handover file was saved as {file}.</source>
        <translation>Överlämningsfilen sparades som {file}.</translation>
    </message>
    <message>
        <source>Handover code in Finnish: {code}</source>
        <translation>Överlämningskoden på finska: {code}</translation>
    </message>
    <message>
        <source>Handover code in Swedish: {code}</source>
        <translation>Överlämningskoden på svenska: {code}</translation>
    </message>
    <message>
        <source>Give the code to {name} in person or read it out on the phone, never in the same message as the file. It is not saved anywhere and is shown only now.</source>
        <translation>Ge koden till {name} personligen eller läs upp den i telefon, aldrig i samma meddelande som filen. Koden sparas ingenstans och visas bara nu.</translation>
    </message>
    <message>
        <source>Send the file to {name} safely, for example on a USB stick or by secure e-mail. When their receipt comes back, open this client and choose Read the receipt.</source>
        <translation>Skicka filen till {name} på ett säkert sätt, till exempel på ett USB-minne eller med skyddad e-post. När kvittot kommer tillbaka öppnar du den här klienten och väljer Läs kvittot.</translation>
    </message>
    <message>
        <source>Send the file to {name} safely, for example on a USB stick or by secure e-mail. The courses stay here read-only.</source>
        <translation>Skicka filen till {name} på ett säkert sätt, till exempel på ett USB-minne eller med skyddad e-post. Vårdperioderna blir kvar här skrivskyddade.</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the folder exists and that you may write to it. Nothing was handed over.</source>
        <translation>Filen kunde inte skrivas. Kontrollera att mappen finns och att du får skriva i den. Ingenting överlämnades.</translation>
    </message>
    <message>
        <source>The handover did not succeed. Nothing was handed over.</source>
        <translation>Överlämningen lyckades inte. Ingenting överlämnades.</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>New group</source>
        <translation>Ny grupp</translation>
    </message>
    <message>
        <source>The group&apos;s name and leaders</source>
        <translation>Gruppens namn och ledare</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <source>For example the method, the place and the term. No client&apos;s name.</source>
        <translation>Till exempel metoden, platsen och terminen. Inga klienters namn.</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Metod</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Form</translation>
    </message>
    <message>
        <source>&amp;Leader</source>
        <translation>&amp;Ledare</translation>
    </message>
    <message>
        <source>&amp;Second leader (optional)</source>
        <translation>&amp;Andra ledare (frivilligt)</translation>
    </message>
    <message>
        <source>A colleague&apos;s name: the group stays in your Askel.</source>
        <translation>En kollegas namn: gruppen stannar i ditt Askel.</translation>
    </message>
    <message>
        <source>&amp;First session</source>
        <translation>&amp;Första träffen</translation>
    </message>
    <message>
        <source>Day.month.year; then weekly. Leave empty to set the dates later.</source>
        <translation>Dag.månad.år; sedan varje vecka. Lämna tomt om dagarna bestäms senare.</translation>
    </message>
    <message>
        <source>Group &amp;sessions</source>
        <translation>&amp;Gruppträffar</translation>
    </message>
    <message>
        <source>&amp;Parents&apos; meetings</source>
        <translation>&amp;Föräldraträffar</translation>
    </message>
    <message>
        <source>Create the group</source>
        <translation>Skapa gruppen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Name at least one leader.</source>
        <translation>Ange minst en ledares namn.</translation>
    </message>
</context>
<context>
    <name>GroupPage</name>
    <message>
        <source>Meeting</source>
        <translation>Träff</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planerad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Gick med</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <source>← Groups</source>
        <translation>← Grupper</translation>
    </message>
    <message>
        <source>leaders: {names}</source>
        <translation>ledare: {names}</translation>
    </message>
    <message>
        <source>Continue: {meeting}</source>
        <translation>Fortsätt: {meeting}</translation>
    </message>
    <message>
        <source>Start: {meeting}</source>
        <translation>Börja: {meeting}</translation>
    </message>
    <message>
        <source>Name and leaders…</source>
        <translation>Namn och ledare…</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Träffar</translation>
    </message>
    <message>
        <source>Open the meeting</source>
        <translation>Öppna träffen</translation>
    </message>
    <message>
        <source>Change the day…</source>
        <translation>Ändra dag…</translation>
    </message>
    <message>
        <source>Add a parents&apos; meeting</source>
        <translation>Lägg till en föräldraträff</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>Lägg till en deltagare…</translation>
    </message>
    <message>
        <source>Open the member&apos;s course</source>
        <translation>Öppna deltagarens vårdperiod</translation>
    </message>
    <message>
        <source>Member leaves…</source>
        <translation>Deltagaren slutar…</translation>
    </message>
    <message>
        <source>held {date}: {came} of {members} came</source>
        <translation>hållen {date}: närvarande {came}/{members}</translation>
    </message>
    <message>
        <source>in progress, attendance marked {marked} of {members}</source>
        <translation>pågår, närvaro markerad {marked}/{members}</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planerad</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>överlämnad</translation>
    </message>
    <message>
        <source>left {date}: {reason}</source>
        <translation>slutade {date}: {reason}</translation>
    </message>
    <message>
        <source>completed {date}</source>
        <translation>avslutad {date}</translation>
    </message>
    <message>
        <source>joined late: {reason}</source>
        <translation>gick med senare: {reason}</translation>
    </message>
    <message>
        <source>member</source>
        <translation>med i gruppen</translation>
    </message>
    <message>
        <source>Choose a meeting in the list first.</source>
        <translation>Välj först en träff i listan.</translation>
    </message>
    <message>
        <source>This meeting was held and closed; each member&apos;s record has it.</source>
        <translation>Träffen är hållen och stängd; den finns i varje deltagares journal.</translation>
    </message>
    <message>
        <source>Choose a member in the list first.</source>
        <translation>Välj först en deltagare i listan.</translation>
    </message>
    <message>
        <source>This member&apos;s course has already ended.</source>
        <translation>Deltagarens vårdperiod har redan avslutats.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
</context>
<context>
    <name>GroupQuestionnaireDialog</name>
    <message>
        <source>Questionnaires for the group</source>
        <translation>Gruppens formulär</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Formulär</translation>
    </message>
    <message>
        <source>Who answers</source>
        <translation>Vem svarar</translation>
    </message>
    <message>
        <source>Each member fills it in on this screen, one after another</source>
        <translation>Deltagarna fyller i det på den här skärmen i tur och ordning</translation>
    </message>
    <message>
        <source>I enter each member&apos;s answers</source>
        <translation>Jag för in deltagarnas svar själv</translation>
    </message>
    <message>
        <source>Members (each in their own language):</source>
        <translation>Deltagare (var och en på sitt eget språk):</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Börja</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>Deltagaren</translation>
    </message>
    <message>
        <source>A parent</source>
        <translation>En förälder</translation>
    </message>
    <message>
        <source>The clinician</source>
        <translation>Den anställda</translation>
    </message>
    <message>
        <source>Choose a questionnaire and at least one member.</source>
        <translation>Välj ett formulär och minst en deltagare.</translation>
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
        <translation>Närvaro och varje deltagares egna anteckningar</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <source>The group&apos;s agenda</source>
        <translation>Gruppens dagordning</translation>
    </message>
    <message>
        <source>Group &amp;note</source>
        <translation>Gruppens &amp;anteckningar</translation>
    </message>
    <message>
        <source>Goes into the record of every member who came: write no one&apos;s name here, use a member&apos;s own note.</source>
        <translation>Antecknas i journalen för varje deltagare som var närvarande: skriv inga namn här, använd deltagarens egen anteckning.</translation>
    </message>
    <message>
        <source>The group&apos;s homework</source>
        <translation>Gruppens hemuppgift</translation>
    </message>
    <message>
        <source>Agreed last time:</source>
        <translation>Överenskommet förra gången:</translation>
    </message>
    <message>
        <source>No homework from last time.</source>
        <translation>Ingen hemuppgift från förra gången.</translation>
    </message>
    <message>
        <source>Homework for &amp;next time</source>
        <translation>Hemuppgift till &amp;nästa gång</translation>
    </message>
    <message>
        <source>For every member, unless the list gives a member another one.</source>
        <translation>För alla deltagare, om inte listan ger någon en egen.</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Form</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>På plats</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>&amp;Length, min</source>
        <translation>&amp;Längd, min</translation>
    </message>
    <message>
        <source>Questionnaires…</source>
        <translation>Formulär…</translation>
    </message>
    <message>
        <source>Close the meeting</source>
        <translation>Stäng träffen</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Sparat {time}</translation>
    </message>
    <message>
        <source>Not marked: {names}.</source>
        <translation>Inte markerade: {names}.</translation>
    </message>
    <message>
        <source>The group note or homework names {names}. It goes into every attending member&apos;s record: move it to the member&apos;s own note, or press Close the meeting again to close as it is.</source>
        <translation>Gruppens anteckningar eller hemuppgift nämner {names}. De antecknas i journalen för varje närvarande deltagare: flytta det till deltagarens egen anteckning eller tryck på Stäng träffen igen för att stänga som det är.</translation>
    </message>
    <message>
        <source>Time in the meeting: {time}</source>
        <translation>Tid i träffen: {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minuter</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark attendance with 1 came, 2 cancelled, 3 did not come: the list moves to the next member. Typing or Enter writes the member&apos;s own note, which goes only into that member&apos;s record. Tab leaves the list.</source>
        <translation>Markera närvaro: 1 närvarande, 2 avbokat, 3 uteblev; listan går vidare till nästa deltagare. Skriv eller tryck Enter för deltagarens egen anteckning, som förs in bara i den deltagarens journal. Tab lämnar listan.</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Adults&apos; group</source>
        <translation>Vuxengrupp</translation>
    </message>
    <message>
        <source>Young people&apos;s group</source>
        <translation>Ungdomsgrupp</translation>
    </message>
    <message>
        <source>Children&apos;s group</source>
        <translation>Barngrupp</translation>
    </message>
    <message>
        <source>Parents&apos; group</source>
        <translation>Föräldragrupp</translation>
    </message>
    <message>
        <source>Children and parents together</source>
        <translation>Barn och föräldrar tillsammans</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individuellt</translation>
    </message>
    <message>
        <source>Parents&apos; meeting {number}</source>
        <translation>Föräldraträff {number}</translation>
    </message>
    <message>
        <source>Group session {number} / {planned}</source>
        <translation>Gruppträff {number} / {planned}</translation>
    </message>
    <message>
        <source>Group session {number}</source>
        <translation>Gruppträff {number}</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Ge gruppen ett namn.</translation>
    </message>
    <message>
        <source>The name is too long (at most 100 characters).</source>
        <translation>Namnet är för långt (högst 100 tecken).</translation>
    </message>
    <message>
        <source>Choose a format the method can be run in.</source>
        <translation>Välj en form som metoden kan genomföras i.</translation>
    </message>
    <message>
        <source>The number of group sessions is outside the method&apos;s range.</source>
        <translation>Antalet gruppträffar ligger utanför metodens gränser.</translation>
    </message>
    <message>
        <source>The client is already a member of this group.</source>
        <translation>Klienten är redan med i den här gruppen.</translation>
    </message>
    <message>
        <source>The group is full.</source>
        <translation>Gruppen är full.</translation>
    </message>
    <message>
        <source>The group has held all its sessions: nobody can join any more.</source>
        <translation>Gruppen har hållit alla sina träffar, så ingen kan längre gå med.</translation>
    </message>
    <message>
        <source>The group has already met: write down why the client joins late.</source>
        <translation>Gruppen har redan träffats: skriv varför klienten går med senare.</translation>
    </message>
    <message>
        <source>Write down why the member leaves the group.</source>
        <translation>Skriv varför deltagaren lämnar gruppen.</translation>
    </message>
    <message>
        <source>This meeting has started: its date can no longer change.</source>
        <translation>Träffen har redan börjat, så dess dag kan inte längre ändras.</translation>
    </message>
    <message>
        <source>Hold the group&apos;s earlier sessions first.</source>
        <translation>Håll först gruppens tidigare träffar.</translation>
    </message>
    <message>
        <source>Mark every member&apos;s attendance before closing.</source>
        <translation>Markera varje deltagares närvaro innan du stänger träffen.</translation>
    </message>
    <message>
        <source>This meeting is closed.</source>
        <translation>Träffen är stängd.</translation>
    </message>
    <message>
        <source>This change could not be made.</source>
        <translation>Ändringen kunde inte göras.</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Träffar</translation>
    </message>
    <message>
        <source>{held} / {planned} held, next {date}</source>
        <translation>{held} / {planned} hållna, nästa {date}</translation>
    </message>
    <message>
        <source>{held} / {planned} held</source>
        <translation>{held} / {planned} hållna</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Groups</source>
        <translation>Grupper</translation>
    </message>
    <message>
        <source>A group runs one method for several clients at once. Each member has a course of their own, so their questionnaires, guarantee, outcome and record stay theirs; a group session is run once and written into each member&apos;s record.</source>
        <translation>I en grupp genomförs en metod för flera klienter samtidigt. Varje deltagare har en egen vårdperiod, så formulär, terapigaranti, resultat och journal förblir deltagarens egna; en gruppträff hålls en gång och antecknas hos varje deltagare.</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Ny grupp…</translation>
    </message>
    <message>
        <source>No groups yet. Start the first one with “New group…”.</source>
        <translation>Inga grupper ännu. Starta den första med ”Ny grupp…”.</translation>
    </message>
</context>
<context>
    <name>Guarantee</name>
    <message>
        <source>medical reasons</source>
        <translation>medicinska skäl</translation>
    </message>
    <message>
        <source>treatment-related reasons</source>
        <translation>vårdrelaterade skäl</translation>
    </message>
    <message>
        <source>other comparable reasons</source>
        <translation>andra motsvarande skäl</translation>
    </message>
</context>
<context>
    <name>GuaranteeExceptionDialog</name>
    <message>
        <source>Therapy guarantee exception</source>
        <translation>Undantag från terapigarantin</translation>
    </message>
    <message>
        <source>The first session of the method may start later than 28 days after the need was established when medical, treatment-related or other comparable reasons require it. Write down why; the exception is kept with the course and in the use log.</source>
        <translation>Metodens första träff kan hållas senare än 28 dagar efter att vårdbehovet konstaterades, om medicinska, vårdrelaterade eller andra motsvarande skäl kräver det. Skriv motiveringen; undantaget sparas i vårdperioden och i användningsloggen.</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>No exception</source>
        <translation>Inget undantag</translation>
    </message>
    <message>
        <source>Medical reasons</source>
        <translation>Medicinska skäl</translation>
    </message>
    <message>
        <source>Treatment-related reasons</source>
        <translation>Vårdrelaterade skäl</translation>
    </message>
    <message>
        <source>Other comparable reasons</source>
        <translation>Andra motsvarande skäl</translation>
    </message>
    <message>
        <source>&amp;Why (required for an exception)</source>
        <translation>&amp;Motivering (krävs för ett undantag)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Write down why the exception is needed.</source>
        <translation>Skriv varför undantaget behövs.</translation>
    </message>
</context>
<context>
    <name>GuaranteeModel</name>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Ålder</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>Need established</source>
        <translation>Vårdbehovet konstaterat</translation>
    </message>
    <message>
        <source>Days waited</source>
        <translation>Väntat (dagar)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>I tid</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Tidsfristen närmar sig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dagar kvar</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <source>{days} over</source>
        <translation>{days} över</translation>
    </message>
    <message>
        <source>Exception: {reason}</source>
        <translation>Undantag: {reason}</translation>
    </message>
</context>
<context>
    <name>GuaranteePage</name>
    <message>
        <source>Therapy guarantee</source>
        <translation>Terapigaranti</translation>
    </message>
    <message>
        <source>Nobody under 23 is waiting for a first session.</source>
        <translation>Ingen under 23 år väntar på en första träff.</translation>
    </message>
    <message>
        <source>Clients under 23 whose need for treatment was established on 1.5.2025 or later and who have not yet had their first session of the treatment method (a phone call or other contact does not count). Treatment must start within 28 days of the need date; from day 21 the wait is at risk. A recorded exception (medical, treatment-related or other comparable reasons) is listed last.</source>
        <translation>Klienter under 23 år vars vårdbehov konstaterades 1.5.2025 eller senare och som ännu inte har haft den första träffen med behandlingsmetoden (ett samtal eller annan kontakt räcker inte). Behandlingen ska börja inom 28 dagar från den dag vårdbehovet konstaterades; från dag 21 riskerar väntan att bli för lång. Registrerade undantag (medicinska, vårdrelaterade eller andra motsvarande skäl) står sist i listan.</translation>
    </message>
</context>
<context>
    <name>GuardianDialog</name>
    <message>
        <source>Guardian informed</source>
        <translation>Vårdnadshavaren informerad</translation>
    </message>
    <message>
        <source>Was a guardian informed?</source>
        <translation>Informerades en vårdnadshavare?</translation>
    </message>
    <message>
        <source>The client is a minor. Record whether a guardian was told about the risk answer, who and how; or, if not, why not.</source>
        <translation>Klienten är minderårig. Anteckna om en vårdnadshavare fick veta om risksvaret, vem och hur – eller om inte, varför inte.</translation>
    </message>
    <message>
        <source>A &amp;guardian was informed</source>
        <translation>En &amp;vårdnadshavare informerades</translation>
    </message>
    <message>
        <source>A guardian was &amp;not informed</source>
        <translation>En vårdnadshavare informerades &amp;inte</translation>
    </message>
    <message>
        <source>Who and how (required)</source>
        <translation>Vem och hur (obligatoriskt)</translation>
    </message>
    <message>
        <source>Why not (required)</source>
        <translation>Varför inte (obligatoriskt)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Write at least {count} characters.</source>
        <translation>Skriv minst {count} tecken.</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Handout for the client</source>
        <translation>Utdelningsblad till klienten</translation>
    </message>
    <message>
        <source>Homework, the next appointment and, after a risk answer, where to get help at once: in plain words, in the client&apos;s language ({language}). It names no one: no name, no identity code.</source>
        <translation>Hemuppgiften, nästa träff och efter ett risksvar var man får hjälp genast: med enkla ord, på klientens språk ({language}). Bladet innehåller inget namn och ingen personbeteckning.</translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation>&amp;Träff</translation>
    </message>
    <message>
        <source>Session {number}, {date}</source>
        <translation>Träff {number}, {date}</translation>
    </message>
    <message>
        <source>No session yet</source>
        <translation>Inga träffar ännu</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsvisning</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>Spara &amp;PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Save the handout</source>
        <translation>Spara bladet</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>for-the-client</source>
        <translation>till-klienten</translation>
    </message>
    <message>
        <source>The handout could not be saved or printed. Nothing was logged.</source>
        <translation>Bladet kunde inte sparas eller skrivas ut. Ingenting loggades.</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>This is not a handover file, or it is damaged or was changed after it was written. Nothing was imported.</source>
        <translation>Det här är ingen överlämningsfil, eller så är filen skadad eller ändrad efter att den sparades. Ingenting importerades.</translation>
    </message>
    <message>
        <source>This handover file was made by a newer version of Askel. Update Askel to receive it. Nothing was imported.</source>
        <translation>Överlämningsfilen är gjord med en nyare version av Askel. Uppdatera Askel för att kunna ta emot den. Ingenting importerades.</translation>
    </message>
    <message>
        <source>The handover code is not correct. Check the six words with the person who gave it. Nothing was imported.</source>
        <translation>Överlämningskoden stämmer inte. Kontrollera de sex orden med den som gav koden. Ingenting importerades.</translation>
    </message>
    <message>
        <source>Too many wrong handover codes. Try again in {seconds} seconds.</source>
        <translation>För många felaktiga överlämningskoder. Försök igen om {seconds} sekunder.</translation>
    </message>
    <message>
        <source>This handover holds real client data and this is a training vault. Nothing was imported.</source>
        <translation>Överlämningen innehåller uppgifter om riktiga klienter, och det här är ett övningslager. Ingenting importerades.</translation>
    </message>
    <message>
        <source>This handover comes from a training vault and holds no real client. It cannot go into real data. Nothing was imported.</source>
        <translation>Överlämningen kommer från ett övningslager och gäller ingen riktig klient. Den kan inte föras in bland riktiga uppgifter. Ingenting importerades.</translation>
    </message>
    <message>
        <source>This handover was already received on {date}. Nothing was imported again.</source>
        <translation>Den här överlämningen togs redan emot {date}. Ingenting importerades på nytt.</translation>
    </message>
    <message>
        <source>This handover was made in this Askel; it is for the colleague who receives it. Nothing was imported.</source>
        <translation>Den här överlämningen är gjord i detta Askel; den är avsedd för kollegan som tar emot den. Ingenting importerades.</translation>
    </message>
    <message>
        <source>The handover uses protocol {id} version {version}, which this Askel does not have. Update Askel, or ask IT for the content pack. Nothing was imported.</source>
        <translation>Överlämningen använder protokollet {id}, version {version}, som detta Askel inte har. Uppdatera Askel eller be IT om innehållspaketet. Ingenting importerades.</translation>
    </message>
    <message>
        <source>The handover uses questionnaire {id} version {version}, which this Askel does not have. Update Askel, or ask IT for the content pack. Nothing was imported.</source>
        <translation>Överlämningen använder mätaren {id}, version {version}, som detta Askel inte har. Uppdatera Askel eller be IT om innehållspaketet. Ingenting importerades.</translation>
    </message>
    <message>
        <source>The handover needs content pack {pack} version {version}, which is not signed by a key your organisation trusts. Nothing was imported.</source>
        <translation>Överlämningen behöver innehållspaketet {pack}, version {version}, som inte är signerat med en nyckel som din organisation litar på. Ingenting importerades.</translation>
    </message>
    <message>
        <source>This is not a handover receipt, or it is damaged. Nothing was removed.</source>
        <translation>Det här är inget kvitto på en överlämning, eller så är det skadat. Ingenting togs bort.</translation>
    </message>
    <message>
        <source>This receipt is for a handover not given from this Askel. Nothing was removed.</source>
        <translation>Kvittot gäller en överlämning som inte gjorts från detta Askel. Ingenting togs bort.</translation>
    </message>
    <message>
        <source>This receipt does not match the handover it names. Nothing was removed.</source>
        <translation>Kvittot stämmer inte med den överlämning det anger. Ingenting togs bort.</translation>
    </message>
    <message>
        <source>This receipt was already read on {date}; the client&apos;s courses were removed then.</source>
        <translation>Kvittot lästes redan {date}; klientens vårdperioder togs bort då.</translation>
    </message>
    <message>
        <source>You chose to keep a read-only copy of this handover, so the receipt removes nothing.</source>
        <translation>Du valde att behålla en skrivskyddad kopia av överlämningen, så kvittot tar inte bort något.</translation>
    </message>
    <message>
        <source>Write the name of the colleague who receives the client.</source>
        <translation>Skriv namnet på kollegan som tar emot klienten.</translation>
    </message>
    <message>
        <source>Choose at least one course to hand over.</source>
        <translation>Välj minst en vårdperiod att överlämna.</translation>
    </message>
    <message>
        <source>A chosen course was already handed over from here; its copy here is read-only.</source>
        <translation>En vald vårdperiod har redan överlämnats härifrån; kopian här är skrivskyddad.</translation>
    </message>
    <message>
        <source>This was handed over to another clinician: the copy here can no longer be changed.</source>
        <translation>Det här har överlämnats till en annan yrkesperson: kopian här kan inte längre ändras.</translation>
    </message>
    <message>
        <source>The client in the file matches two different clients here (one by identity code, one by local identifier). Nothing was imported.</source>
        <translation>Klienten i filen motsvarar två olika klienter här (en enligt personbeteckning, en enligt lokalt ID). Ingenting importerades.</translation>
    </message>
    <message>
        <source>A client here has the same local identifier but another identity code. Nothing was imported.</source>
        <translation>En klient här har samma lokala ID men en annan personbeteckning. Ingenting importerades.</translation>
    </message>
    <message>
        <source>The file does not fit the data here (a record with the same identifier is another client&apos;s). Nothing was imported.</source>
        <translation>Filen passar inte ihop med uppgifterna här (en post med samma ID hör till en annan klient). Ingenting importerades.</translation>
    </message>
    <message>
        <source>A course in the file is already in use here. Two copies of one course would go different ways, so nothing was imported.</source>
        <translation>En vårdperiod i filen används redan här. Två kopior av samma vårdperiod skulle gå åt olika håll, så ingenting importerades.</translation>
    </message>
</context>
<context>
    <name>HandoverCode</name>
    <message>
        <source>“{word}” is not one of the code words. Check the spelling.</source>
        <translation>”{word}” är inte ett av kodorden. Kontrollera stavningen.</translation>
    </message>
    <message>
        <source>The code has {count} words; it should have six.</source>
        <translation>Koden har {count} ord; den ska ha sex.</translation>
    </message>
</context>
<context>
    <name>LeaveGroupDialog</name>
    <message>
        <source>Leaving the group</source>
        <translation>Att lämna gruppen</translation>
    </message>
    <message>
        <source>{name} leaves the group</source>
        <translation>{name} lämnar gruppen</translation>
    </message>
    <message>
        <source>The client&apos;s course in the group ends as interrupted on this day, with the reason as its end reason. The client&apos;s record and scores stay as they are.</source>
        <translation>Klientens vårdperiod i gruppen avslutas som avbruten denna dag, och orsaken antecknas som orsak till avslutningen. Klientens journal och poäng förblir som de är.</translation>
    </message>
    <message>
        <source>&amp;Left on</source>
        <translation>&amp;Slutade</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>&amp;Varför</translation>
    </message>
    <message>
        <source>Record leaving</source>
        <translation>Anteckna att deltagaren slutar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>MeetingDateDialog</name>
    <message>
        <source>Planned day</source>
        <translation>Planerad dag</translation>
    </message>
    <message>
        <source>&amp;Planned day</source>
        <translation>&amp;Planerad dag</translation>
    </message>
    <message>
        <source>Day.month.year; empty when not yet decided.</source>
        <translation>Dag.månad.år; tomt om dagen inte är bestämd.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>MyMethodsPage</name>
    <message>
        <source>My methods</source>
        <translation>Mina metoder</translation>
    </message>
    <message>
        <source>Record the methods you are trained in, are training for, or mentor others in. Methods you are trained in come first when you start a course.</source>
        <translation>Registrera de metoder som du är utbildad i, håller på att utbilda dig i eller handleder andra i som mentor. Metoder som du är utbildad i visas först när du inleder en vårdperiod.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>Min status</translation>
    </message>
    <message>
        <source>Not trained</source>
        <translation>Inte utbildad</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Utbildad</translation>
    </message>
    <message>
        <source>In training</source>
        <translation>Under utbildning</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>d.m.yyyy</source>
        <translation>d.m.åååå</translation>
    </message>
    <message>
        <source>Since: {method}</source>
        <translation>Sedan: {method}</translation>
    </message>
    <message>
        <source>While you are in training, bring your cases to your mentor: open a course and choose “Case summary for mentoring” for an anonymised summary of it.</source>
        <translation>Ta med dina fall till din mentor medan du utbildar dig: öppna en vårdperiod och välj ”Fallsammanfattning för mentorshandledning” för att få en anonym sammanfattning av den.</translation>
    </message>
    <message>
        <source>My courses: {started} started · {completed} completed · {interrupted} interrupted</source>
        <translation>Mina vårdperioder: {started} påbörjade · {completed} avslutade · {interrupted} avbrutna</translation>
    </message>
    <message>
        <source>Since (d.m.yyyy)</source>
        <translation>Sedan (d.m.åååå)</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Quarter {number}/{year}</source>
        <translation>Kvartal {number} {year}</translation>
    </message>
    <message>
        <source>Half-year {number}/{year}</source>
        <translation>Halvår {number} {year}</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Månad</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kvartal</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>Halvår</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Statistics are published for one kind of period only, so that two tables cannot be subtracted from each other.</source>
        <translation>Statistik publiceras bara för ett slags period, så att två tabeller inte kan dras från varandra.</translation>
    </message>
</context>
<context>
    <name>PolicyBanner</name>
    <message>
        <source>There is a problem with your organisation&apos;s IT policy. Until IT corrects it, the settings it concerns are locked at their strictest values. Tell your IT support:</source>
        <translation>Det finns ett problem i din organisations IT-policy. Tills IT-stödet har rättat det är de inställningar som berörs låsta till sina strängaste värden. Meddela IT-stödet:</translation>
    </message>
    <message>
        <source>…and {count} more (the command askel policy show lists them all).</source>
        <translation>…och {count} till (kommandot askel policy show visar alla).</translation>
    </message>
</context>
<context>
    <name>PrivacyCover</name>
    <message>
        <source>Client details are hidden</source>
        <translation>Klientens uppgifter är dolda</translation>
    </message>
    <message>
        <source>The client is filling in a questionnaire. Client details are hidden until it is finished and unlocked with the passphrase.</source>
        <translation>Klienten fyller i ett formulär. Klientens uppgifter är dolda tills formuläret är klart och upplåst med lösenfrasen.</translation>
    </message>
    <message>
        <source>&amp;Show the questionnaire</source>
        <translation>&amp;Visa formuläret</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>Questionnaire scores over time</source>
        <translation>Formulärpoäng över tid</translation>
    </message>
    <message>
        <source>risk answer</source>
        <translation>risksvar</translation>
    </message>
    <message>
        <source>No scores yet. Give a questionnaire to start following the change.</source>
        <translation>Inga poäng ännu. Börja följa förändringen genom att välja Nytt formulär.</translation>
    </message>
    <message>
        <source>Higher score = more symptoms</source>
        <translation>Högre poäng = mer symtom</translation>
    </message>
    <message>
        <source>Higher score = better</source>
        <translation>Högre poäng = bättre</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <source>reliable change {change}</source>
        <translation>tillförlitlig förändring {change}</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Mättillfälle</translation>
    </message>
    <message>
        <source>Score at a measurement</source>
        <translation>Poäng vid ett mättillfälle</translation>
    </message>
    <message>
        <source>Reliable change from the first score</source>
        <translation>Tillförlitlig förändring från första poängen</translation>
    </message>
    <message>
        <source>Shading and word at the right: severity band</source>
        <translation>Skuggning och ord till höger: svårighetsgrad</translation>
    </message>
    <message>
        <source>{questionnaire}, scores from {low} to {high}</source>
        <translation>{questionnaire}, poäng {low}–{high}</translation>
    </message>
    <message>
        <source>no scores yet</source>
        <translation>inga poäng ännu</translation>
    </message>
    <message>
        <source>{measurement}: {score} points</source>
        <translation>{measurement}: {score} poäng</translation>
    </message>
    <message>
        <source>{band} from {score}</source>
        <translation>{band} från {score} poäng</translation>
    </message>
    <message>
        <source>Severity bands: {limits}</source>
        <translation>Svårighetsgrader: {limits}</translation>
    </message>
    <message>
        <source>Reliable change lines at {lower} and {upper}, {change} points from the first score</source>
        <translation>Gränserna för tillförlitlig förändring {lower} och {upper}, {change} poäng från de första poängen</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Titta i:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Filer av &amp;typ:</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>QuestionnaireForm</name>
    <message>
        <source>{name} is not meant to be answered by this respondent.</source>
        <translation>{name} är inte avsett att besvaras av den här svaranden.</translation>
    </message>
    <message>
        <source>{name} cannot be filled in here: its questions have no wording in Askel because the questionnaire is licensed. An organisation that holds the licence can add the wording as a content pack.</source>
        <translation>{name} kan inte fyllas i här: frågornas formuleringar finns inte i Askel eftersom formuläret är licensierat. En organisation som har licensen kan lägga till formuleringarna som ett innehållspaket.</translation>
    </message>
    <message>
        <source>Questions in the client&apos;s language: {language}</source>
        <translation>Frågorna på klientens språk: {language}</translation>
    </message>
    <message>
        <source>Keyboard: {keys} chooses the answer and moves on to the next question. Tab moves on without answering, Backspace clears.</source>
        <translation>Tangentbord: {keys} väljer svaret och går vidare till nästa fråga. Tabb går vidare utan att svara, Backsteg tömmer.</translation>
    </message>
    <message>
        <source>Answered {answered} / {count}</source>
        <translation>Besvarade {answered}/{count}</translation>
    </message>
    <message>
        <source>Score: incomplete</source>
        <translation>Poäng: svar saknas</translation>
    </message>
    <message>
        <source>Score {total}</source>
        <translation>Poäng {total}</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Inte besvarad</translation>
    </message>
    <message>
        <source>Answer {value}</source>
        <translation>Svar {value}</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <source>Log a contact</source>
        <translation>Registrera en kontakt</translation>
    </message>
    <message>
        <source>1. Client</source>
        <translation>1. Klient</translation>
    </message>
    <message>
        <source>&amp;Find the client</source>
        <translation>&amp;Sök klienten</translation>
    </message>
    <message>
        <source>Name, identity code or birth date</source>
        <translation>Namn, personbeteckning eller födelsedatum</translation>
    </message>
    <message>
        <source>Matching clients</source>
        <translation>Klienter som matchar sökningen</translation>
    </message>
    <message>
        <source>Choose another client</source>
        <translation>Välj en annan klient</translation>
    </message>
    <message>
        <source>2. Course and contact</source>
        <translation>2. Vårdperiod och kontakt</translation>
    </message>
    <message>
        <source>C&amp;ourse</source>
        <translation>&amp;Vårdperiod</translation>
    </message>
    <message>
        <source>&amp;Method of the new course</source>
        <translation>&amp;Metod för den nya vårdperioden</translation>
    </message>
    <message>
        <source>Choose the method</source>
        <translation>Välj metod</translation>
    </message>
    <message>
        <source>&amp;Kind of contact</source>
        <translation>&amp;Kontakttyp</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;Hur</translation>
    </message>
    <message>
        <source>A &amp;parent or guardian took part</source>
        <translation>En &amp;förälder eller vårdnadshavare deltog</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>A&amp;nteckning</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Spa&amp;ra</translation>
    </message>
    <message>
        <source>{method}, since {date}</source>
        <translation>{method}, sedan {date}</translation>
    </message>
    <message>
        <source>Start a new course</source>
        <translation>Inled en ny vårdperiod</translation>
    </message>
    <message>
        <source>A session of the method (becomes session {number} / {planned})</source>
        <translation>En träff inom metoden (blir träff {number}/{planned})</translation>
    </message>
    <message>
        <source>A session of the method (becomes session {number})</source>
        <translation>En träff inom metoden (blir träff {number})</translation>
    </message>
    <message>
        <source>Choose the client.</source>
        <translation>Välj klienten.</translation>
    </message>
    <message>
        <source>Choose the method of the new course.</source>
        <translation>Välj metod för den nya vårdperioden.</translation>
    </message>
    <message>
        <source>3. Duration and note</source>
        <translation>3. Tidsåtgång och anteckning</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Tidsåtgång</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Read the receipt</source>
        <translation>Läs kvittot</translation>
    </message>
    <message>
        <source>Read the colleague&apos;s receipt</source>
        <translation>Läs kollegans kvitto</translation>
    </message>
    <message>
        <source>When your colleague has received the handover, their Askel writes a receipt. Reading it here removes the handed-over courses from this Askel.</source>
        <translation>När din kollega har tagit emot överlämningen skriver kollegans Askel ett kvitto. När du läser det här tas de överlämnade vårdperioderna bort ur detta Askel.</translation>
    </message>
    <message>
        <source>&amp;Choose the receipt…</source>
        <translation>&amp;Välj kvittot…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Choose the receipt</source>
        <translation>Välj kvittot</translation>
    </message>
    <message>
        <source>Receipts (*{suffix})</source>
        <translation>Kvitton (*{suffix})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it still exists.</source>
        <translation>Filen kunde inte läsas. Kontrollera att den fortfarande finns.</translation>
    </message>
    <message>
        <source>Receipt from {name} read: {count} courses removed from here.</source>
        <translation>Kvittot från {name} är läst. Vårdperioder borttagna härifrån: {count}.</translation>
    </message>
    <message>
        <source>The client had no other courses and was removed too.</source>
        <translation>Klienten hade inga andra vårdperioder och togs också bort.</translation>
    </message>
</context>
<context>
    <name>ReceiveHandoverDialog</name>
    <message>
        <source>Receive a handover</source>
        <translation>Ta emot en överlämning</translation>
    </message>
    <message>
        <source>Receive a client from a colleague</source>
        <translation>Ta emot en klient från en kollega</translation>
    </message>
    <message>
        <source>Choose the handover file your colleague sent, and type the six-word code they gave you, in Finnish or in Swedish. Nothing is imported before you have seen what arrives.</source>
        <translation>Välj överlämningsfilen som din kollega skickade och skriv koden på sex ord som kollegan gav dig, på finska eller svenska. Ingenting importeras förrän du har sett vad som kommer.</translation>
    </message>
    <message>
        <source>Handover &amp;file</source>
        <translation>Överlämnings&amp;fil</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ingen fil vald</translation>
    </message>
    <message>
        <source>Handover &amp;code</source>
        <translation>Överlämnings&amp;kod</translation>
    </message>
    <message>
        <source>Six words, for example as they were read out to you; capital letters do not matter.</source>
        <translation>Sex ord, till exempel så som de lästes upp för dig; stora bokstäver spelar ingen roll.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <source>Do &amp;not receive</source>
        <translation>Ta &amp;inte emot</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Ta emot</translation>
    </message>
    <message>
        <source>Open the &amp;client</source>
        <translation>Öppna &amp;klienten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>&amp;Save the receipt…</source>
        <translation>&amp;Spara kvittot…</translation>
    </message>
    <message>
        <source>Choose the handover file</source>
        <translation>Välj överlämningsfilen</translation>
    </message>
    <message>
        <source>Handover files (*{suffix})</source>
        <translation>Överlämningsfiler (*{suffix})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it still exists.</source>
        <translation>Filen kunde inte läsas. Kontrollera att den fortfarande finns.</translation>
    </message>
    <message>
        <source>Choose the handover file first.</source>
        <translation>Välj först överlämningsfilen.</translation>
    </message>
    <message>
        <source>The handover could not be opened. Nothing was imported.</source>
        <translation>Överlämningen kunde inte öppnas. Ingenting importerades.</translation>
    </message>
    <message>
        <source>Check that this is the client you expect. Nothing is imported until you choose Receive.</source>
        <translation>Kontrollera att det här är klienten du väntar på. Ingenting importeras förrän du väljer Ta emot.</translation>
    </message>
    <message>
        <source>From {name}, written {date} (installation {installation})</source>
        <translation>Från {name}, skriven {date} (installation {installation})</translation>
    </message>
    <message>
        <source>{name}, born {date} · {code}</source>
        <translation>{name}, född {date} · {code}</translation>
    </message>
    <message>
        <source>A new client in your Askel.</source>
        <translation>En ny klient i ditt Askel.</translation>
    </message>
    <message>
        <source>Already in your client list: the courses are added, the details you have are kept.</source>
        <translation>Finns redan i din klientlista: vårdperioderna läggs till och uppgifterna du har behålls.</translation>
    </message>
    <message>
        <source>Handed over from here before: what comes back replaces the read-only copy here.</source>
        <translation>Överlämnad härifrån tidigare: det som kommer tillbaka ersätter den skrivskyddade kopian här.</translation>
    </message>
    <message>
        <source>{method} ({first}–{last}): {sessions} sessions, {questionnaires} questionnaires</source>
        <translation>{method} ({first}–{last}): träffar {sessions}, formulär {questionnaires}</translation>
    </message>
    <message>
        <source>Dates from {first} to {last}</source>
        <translation>Från {first} till {last}</translation>
    </message>
    <message>
        <source>Content packs that come with it: {packs}</source>
        <translation>Innehållspaket som följer med: {packs}</translation>
    </message>
    <message>
        <source>{name} removes the client from their Askel once your receipt reaches them. You will save the receipt after receiving.</source>
        <translation>{name} tar bort klienten ur sitt Askel när ditt kvitto når fram. Du sparar kvittot efter att du har tagit emot.</translation>
    </message>
    <message>
        <source>{name} keeps a read-only copy, marked as handed over to {receiver}.</source>
        <translation>{name} behåller en skrivskyddad kopia, märkt som överlämnad till {receiver}.</translation>
    </message>
    <message>
        <source>The handover could not be received. Nothing was imported.</source>
        <translation>Överlämningen kunde inte tas emot. Ingenting importerades.</translation>
    </message>
    <message>
        <source>Received from {name}. The client is now in your client list.</source>
        <translation>Mottagen från {name}. Klienten finns nu i din klientlista.</translation>
    </message>
    <message>
        <source>Save the receipt and send it to {name}: their Askel removes its copy only when it reads the receipt. It holds no client data.</source>
        <translation>Spara kvittot och skicka det till {name}: kollegans Askel tar bort sin kopia först när det läser kvittot. Kvittot innehåller inga klientuppgifter.</translation>
    </message>
    <message>
        <source>Save the receipt again and send it to the colleague who gave the handover. It holds no client data.</source>
        <translation>Spara kvittot igen och skicka det till kollegan som gjorde överlämningen. Kvittot innehåller inga klientuppgifter.</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Spara kvittot</translation>
    </message>
    <message>
        <source>The receipt could not be saved there. Choose another folder.</source>
        <translation>Kvittot kunde inte sparas där. Välj en annan mapp.</translation>
    </message>
    <message>
        <source>Receipt saved as {file}.</source>
        <translation>Kvittot sparades som {file}.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Automatic backup</source>
        <translation>Automatisk säkerhetskopia</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Före en uppdatering</translation>
    </message>
    <message>
        <source>Database replaced by a restore</source>
        <translation>Databas som ersattes vid en återställning</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Säkerhetskopia</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Återställ en säkerhetskopia</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The current database is not deleted: it is moved into the backups folder. Changes made after the backup was taken are not in the restored data.</source>
        <translation>Välj den säkerhetskopia som ska återställas. Den nuvarande databasen raderas inte utan flyttas till mappen för säkerhetskopior. Ändringar som gjorts efter att säkerhetskopian togs finns inte med i de återställda uppgifterna.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <source>There are no backups in this data folder.</source>
        <translation>Det finns inga säkerhetskopior i den här datamappen.</translation>
    </message>
    <message>
        <source>The key file is missing or damaged, and a copy of it is among the backups. You can put back only the key file and keep the database as it is.</source>
        <translation>Nyckelfilen saknas eller är skadad, men det finns en kopia av den bland säkerhetskopiorna. Du kan återställa bara nyckelfilen och behålla databasen som den är.</translation>
    </message>
    <message>
        <source>Restore only the key file…</source>
        <translation>Återställ bara nyckelfilen…</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Lösenfras</translation>
    </message>
    <message>
        <source>The passphrase you use to open Askel.</source>
        <translation>Lösenfrasen som du öppnar Askel med.</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Återställ…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Restore now</source>
        <translation>Återställ nu</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Skriv din lösenfras.</translation>
    </message>
    <message>
        <source>Choose a backup.</source>
        <translation>Välj en säkerhetskopia.</translation>
    </message>
    <message>
        <source>Restore the backup taken on {date}? The current database is moved into the backups folder and kept. Changes made after {date} will not be in the restored data.</source>
        <translation>Vill du återställa säkerhetskopian från {date}? Den nuvarande databasen flyttas till mappen för säkerhetskopior och sparas. Ändringar som gjorts efter {date} finns inte med i de återställda uppgifterna.</translation>
    </message>
    <message>
        <source>Put back the copy of the key file from the backups folder? The damaged key file is moved into the backups folder and kept. The database is not changed.</source>
        <translation>Vill du återställa kopian av nyckelfilen från mappen för säkerhetskopior? Den skadade nyckelfilen flyttas till mappen för säkerhetskopior och sparas. Databasen ändras inte.</translation>
    </message>
    <message>
        <source>The backup could not be restored.</source>
        <translation>Säkerhetskopian kunde inte återställas.</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Not scored. {reason}</source>
        <translation>Poängen räknades inte. {reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{score}&lt;/b&gt; points</source>
        <translation>&lt;b&gt;{score}&lt;/b&gt; poäng</translation>
    </message>
    <message>
        <source>Change since the start: {change}</source>
        <translation>Förändring sedan början: {change}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
</context>
<context>
    <name>RiskAlertDialog</name>
    <message>
        <source>Risk alert</source>
        <translation>Riskvarning</translation>
    </message>
    <message>
        <source>Risk answer: requires clinical assessment now</source>
        <translation>Risksvar: kräver klinisk bedömning genast</translation>
    </message>
    <message>
        <source>{questionnaire} · read before you continue</source>
        <translation>{questionnaire} · läs innan du fortsätter</translation>
    </message>
    <message>
        <source>The answer that raised the alert</source>
        <translation>Svaret som utlöste varningen</translation>
    </message>
    <message>
        <source>Your organisation&apos;s safety instructions</source>
        <translation>Din organisations säkerhetsanvisningar</translation>
    </message>
    <message>
        <source>Your organisation has not entered safety instructions in Askel. Follow your unit&apos;s agreed practice for an acute risk.</source>
        <translation>Din organisation har inte lagt in säkerhetsanvisningar i Askel. Följ din enhets överenskomna rutin vid akut risk.</translation>
    </message>
    <message>
        <source>What was done (required)</source>
        <translation>Vad som gjordes (obligatoriskt)</translation>
    </message>
    <message>
        <source>Write at least {count} characters. The note is kept with the answers.</source>
        <translation>Skriv minst {count} tecken. Anteckningen sparas tillsammans med svaren.</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Kvittera</translation>
    </message>
    <message>
        <source>Answer: {value}</source>
        <translation>Svar: {value}</translation>
    </message>
    <message>
        <source>Question {number}: answer {value} ({label})</source>
        <translation>Fråga {number}: svar {value} ({label})</translation>
    </message>
    <message>
        <source>Question {number}: answer {value}</source>
        <translation>Fråga {number}: svar {value}</translation>
    </message>
    <message>
        <source>Risk question not answered: ask about it in person now</source>
        <translation>Riskfrågan besvarades inte: fråga själv om den nu</translation>
    </message>
    <message>
        <source>The question that was not answered</source>
        <translation>Frågan som inte besvarades</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Inte besvarad</translation>
    </message>
    <message>
        <source>Question {number}: not answered</source>
        <translation>Fråga {number}: inte besvarad</translation>
    </message>
</context>
<context>
    <name>RiskMarker</name>
    <message>
        <source>{questionnaire}, question {numbers}</source>
        <translation>{questionnaire}, fråga {numbers}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Risk answer&lt;/b&gt; {date}: {question}</source>
        <translation>&lt;b&gt;Risksvar&lt;/b&gt; {date}: {question}</translation>
    </message>
    <message>
        <source>(and {count} earlier)</source>
        <translation>(och {count} tidigare)</translation>
    </message>
    <message>
        <source>Acknowledged {date}: {note}</source>
        <translation>Kvitterat {date}: {note}</translation>
    </message>
    <message>
        <source>Acknowledged {date}.</source>
        <translation>Kvitterat {date}.</translation>
    </message>
    <message>
        <source>Not yet acknowledged.</source>
        <translation>Ännu inte kvitterat.</translation>
    </message>
    <message>
        <source>A minor: that a guardian was informed is not recorded.</source>
        <translation>Minderårig: att en vårdnadshavare informerats har inte antecknats.</translation>
    </message>
    <message>
        <source>Guardian informed: {note}</source>
        <translation>Vårdnadshavaren informerad: {note}</translation>
    </message>
    <message>
        <source>Guardian not informed: {note}</source>
        <translation>Vårdnadshavaren inte informerad: {note}</translation>
    </message>
    <message>
        <source>Risk answer</source>
        <translation>Risksvar</translation>
    </message>
    <message>
        <source>Record the guardian…</source>
        <translation>Anteckna vårdnadshavaren…</translation>
    </message>
</context>
<context>
    <name>Scoring</name>
    <message>
        <source>This questionnaire is not answered by: {respondent}</source>
        <translation>Det här formuläret är inte avsett för svarande: {respondent}</translation>
    </message>
    <message>
        <source>Too many unanswered items to score: {subscales}</source>
        <translation>För många obesvarade frågor för att poängen ska kunna räknas: {subscales}</translation>
    </message>
    <message>
        <source>{missing} of {count} items are unanswered; a score allows at most {allowed} missing.</source>
        <translation>{missing} av {count} frågor är obesvarade. Poängen kan räknas om högst {allowed} saknas.</translation>
    </message>
    <message>
        <source>Unknown question: {item}</source>
        <translation>Okänd fråga: {item}</translation>
    </message>
    <message>
        <source>Question {item} cannot have the answer {value}; allowed: {allowed}</source>
        <translation>Fråga {item} kan inte ha svaret {value}. Tillåtna svar: {allowed}</translation>
    </message>
    <message>
        <source>Unknown cut-off choice {variant}; choose one of: {choices}</source>
        <translation>Okänt alternativ för gränsvärden: {variant}. Välj ett av följande: {choices}</translation>
    </message>
</context>
<context>
    <name>SessionRunner</name>
    <message>
        <source>← Course</source>
        <translation>← Vårdperiod</translation>
    </message>
    <message>
        <source>Session {number} / {planned}</source>
        <translation>Träff {number}/{planned}</translation>
    </message>
    <message>
        <source>Today&apos;s agenda</source>
        <translation>Dagens agenda</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Note: {item}</source>
        <translation>Anteckning: {item}</translation>
    </message>
    <message>
        <source>Session &amp;notes</source>
        <translation>&amp;Anteckningar från träffen</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Hemuppgift</translation>
    </message>
    <message>
        <source>Agreed last time:</source>
        <translation>Överenskommet förra gången:</translation>
    </message>
    <message>
        <source>No homework from last time.</source>
        <translation>Ingen hemuppgift från förra gången.</translation>
    </message>
    <message>
        <source>How did it &amp;go?</source>
        <translation>Hur &amp;gick det?</translation>
    </message>
    <message>
        <source>Homework for &amp;next time</source>
        <translation>&amp;Hemuppgift till nästa gång</translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation>&amp;Närvaro</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Genomförd</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbokad</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Uteblev</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Mötesform</translation>
    </message>
    <message>
        <source>Give a questionnaire</source>
        <translation>Nytt formulär</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>Avsluta träffen</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Längd</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>Nästa träff</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>Day.month.year</source>
        <translation>dag.månad.år</translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation>&amp;Tid</translation>
    </message>
    <message>
        <source>For example 14.00</source>
        <translation>Till exempel 14.00</translation>
    </message>
    <message>
        <source>The children&apos;s situation and support discussed (Lapset puheeksi)</source>
        <translation>Barnens situation och stöd har diskuterats – Lapset puheeksi (Föra barnen på tal)</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Sparat {time}</translation>
    </message>
    <message>
        <source>{minutes} min over</source>
        <translation>{minutes} min över</translation>
    </message>
    <message>
        <source>{minutes} min left</source>
        <translation>{minutes} min kvar</translation>
    </message>
    <message>
        <source>{minutes} of {length} min</source>
        <translation>{minutes} av {length} min</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minuter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n timme</numerusform>
            <numerusform>%n timmar</numerusform>
        </translation>
    </message>
    <message>
        <source>Time in the session: {time}</source>
        <translation>Träffen har pågått: {time}</translation>
    </message>
</context>
<context>
    <name>SessionSummaryDialog</name>
    <message>
        <source>Session closed</source>
        <translation>Träffen avslutad</translation>
    </message>
    <message>
        <source>Session {number} closed</source>
        <translation>Träff {number} avslutad</translation>
    </message>
    <message>
        <source>Agenda: {done} of {total} items done.</source>
        <translation>Agenda: {done} av {total} punkter gjorda.</translation>
    </message>
    <message>
        <source>{name}: {score} points ({note}).</source>
        <translation>{name}: {score} poäng ({note}).</translation>
    </message>
    <message>
        <source>{name}: {score} points.</source>
        <translation>{name}: {score} poäng.</translation>
    </message>
    <message>
        <source>Homework agreed: {homework}</source>
        <translation>Överenskommen hemuppgift: {homework}</translation>
    </message>
    <message>
        <source>Next appointment: {when}</source>
        <translation>Nästa träff: {when}</translation>
    </message>
    <message>
        <source>No next appointment was agreed.</source>
        <translation>Ingen ny träff avtalades.</translation>
    </message>
    <message>
        <source>This was the last planned session. Finish the course when you are ready.</source>
        <translation>Det här var den sista planerade träffen. Avsluta vårdperioden när du är redo.</translation>
    </message>
    <message>
        <source>Next: session {number}: {purpose}</source>
        <translation>Nästa träff {number}: {purpose}</translation>
    </message>
    <message>
        <source>Back to the course</source>
        <translation>Tillbaka till vårdperioden</translation>
    </message>
    <message>
        <source>Export to record</source>
        <translation>Exportera till journalen</translation>
    </message>
    <message>
        <source>Handout for the client</source>
        <translation>Blad till klienten</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Set by your organisation&apos;s IT: cannot be changed here.</source>
        <translation>Inställt av din organisations IT-stöd och kan inte ändras här.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allmänt</translation>
    </message>
    <message>
        <source>&amp;Language of the program</source>
        <translation>&amp;Programmets språk</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Textstorlek</translation>
    </message>
    <message>
        <source>&amp;Lock automatically after this many minutes without use</source>
        <translation>&amp;Lås automatiskt när programmet har varit oanvänt så här många minuter</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Remember on this computer (open without the passphrase)</source>
        <translation>Kom ihåg på den här datorn (öppna utan lösenfras)</translation>
    </message>
    <message>
        <source>Your organisation does not allow remembering the passphrase.</source>
        <translation>Din organisation tillåter inte att lösenfrasen sparas på datorn.</translation>
    </message>
    <message>
        <source>This computer has no secure key storage for remembering.</source>
        <translation>Den här datorn har inget säkert nyckellager, så lösenfrasen kan inte sparas.</translation>
    </message>
    <message>
        <source>Only on a computer that you alone use with your own account.</source>
        <translation>Endast på en dator som bara du använder, med ditt eget konto.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Byt lösenfras</translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation>Nu&amp;varande lösenfras</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Ny lösenfras</translation>
    </message>
    <message>
        <source>At least 10 characters.</source>
        <translation>Minst 10 tecken.</translation>
    </message>
    <message>
        <source>&amp;Repeat the new passphrase</source>
        <translation>&amp;Upprepa den nya lösenfrasen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>The passphrases are not the same.</source>
        <translation>Lösenfraserna är inte likadana. Skriv samma lösenfras i båda fälten.</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Byter…</translation>
    </message>
    <message>
        <source>Passphrase changed. Use the new one from now on.</source>
        <translation>Lösenfrasen har bytts. Använd den nya från och med nu.</translation>
    </message>
    <message>
        <source>The current passphrase is not correct.</source>
        <translation>Den nuvarande lösenfrasen är fel.</translation>
    </message>
    <message>
        <source>The passphrase could not be changed.</source>
        <translation>Lösenfrasen kunde inte bytas. Försök igen.</translation>
    </message>
    <message>
        <source>You in the patient record</source>
        <translation>Du i journalen</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>&amp;Roll</translation>
    </message>
    <message>
        <source>Chooses the headings of your record entries.</source>
        <translation>Bestämmer rubrikerna i dina journalanteckningar.</translation>
    </message>
    <message>
        <source>Professional t&amp;itle</source>
        <translation>&amp;Yrkesbeteckning</translation>
    </message>
    <message>
        <source>As it should read in the patient record, for example sairaanhoitaja (AMK).</source>
        <translation>Så som den ska stå i journalen, till exempel sjukskötare (YH).</translation>
    </message>
    <message>
        <source>Terhikki registration n&amp;umber</source>
        <translation>Registreringsnummer i Ter&amp;hikki</translation>
    </message>
    <message>
        <source>11 digits, from Valvira&apos;s register of health care professionals.</source>
        <translation>11 siffror, från Valviras register över yrkesutbildade personer inom hälso- och sjukvården.</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Spara uppgifterna</translation>
    </message>
    <message>
        <source>Saved. New exports use it.</source>
        <translation>Sparat. Nya exporter använder uppgifterna.</translation>
    </message>
    <message>
        <source>&amp;About Askel…</source>
        <translation>&amp;Om Askel…</translation>
    </message>
</context>
<context>
    <name>SetupBlocked</name>
    <message>
        <source>Askel cannot be set up yet</source>
        <translation>Askel kan inte tas i bruk ännu</translation>
    </message>
    <message>
        <source>Your organisation&apos;s IT policy cannot be used (see the notice above), so Askel cannot tell whether your data must also be protected with the organisation&apos;s recovery key. Ask your IT support to correct the policy, then start Askel again. Nothing has been saved on this computer.</source>
        <translation>Din organisations IT-policy kan inte användas (se meddelandet ovan), så Askel vet inte om dina uppgifter också ska skyddas med organisationens återställningsnyckel. Be IT-stödet rätta policyn och starta sedan Askel på nytt. Ingenting har sparats på den här datorn.</translation>
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
        <translation>Askel – övning</translation>
    </message>
    <message>
        <source>Training vault: every client here is fictitious. Do not enter real client data.</source>
        <translation>Övningslager: alla klienter här är fiktiva. Skriv inte in uppgifter om riktiga klienter.</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Calculating…</source>
        <translation>Beräknar…</translation>
    </message>
    <message>
        <source>The statistics could not be calculated.</source>
        <translation>Statistiken kunde inte beräknas.</translation>
    </message>
    <message>
        <source>Sessions by attendance</source>
        <translation>Träffar enligt närvaro</translation>
    </message>
    <message>
        <source>Wait for the figures to be calculated, then export.</source>
        <translation>Vänta tills siffrorna är beräknade och exportera sedan.</translation>
    </message>
    <message>
        <source>statistics-{start}-{end}</source>
        <translation>statistik-{start}-{end}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the statistics</source>
        <translation>Spara statistiken</translation>
    </message>
    <message>
        <source>The file could not be saved. Check the folder and try again.</source>
        <translation>Filen kunde inte sparas. Kontrollera mappen och försök igen.</translation>
    </message>
    <message>
        <source>Saved: {file}</source>
        <translation>Sparad: {file}</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>How the methods are used and with what effect, for the unit head and the coordination centre. Only counts and shares are shown, never a client.</source>
        <translation>Hur metoderna används och med vilken effekt – för enhetens chef och koordineringscentret. Här visas bara antal och andelar, aldrig en enskild klient.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>Alla metoder</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Exportera Excel…</translation>
    </message>
    <message>
        <source>No coordinator key is set (IT sets region_recipient_key), so no regional data set can be made.</source>
        <translation>Ingen koordinatornyckel är angiven (IT anger region_recipient_key), så ingen regional datamängd kan göras.</translation>
    </message>
    <message>
        <source>Save the regional data set</source>
        <translation>Spara den regionala datamängden</translation>
    </message>
    <message>
        <source>The regional data set could not be saved. Nothing was logged.</source>
        <translation>Den regionala datamängden kunde inte sparas. Ingenting loggades.</translation>
    </message>
    <message>
        <source>Regional data set saved: {file}. It is in the disclosure log.</source>
        <translation>Den regionala datamängden har sparats: {file}. Den finns i utlämnandeloggen.</translation>
    </message>
    <message>
        <source>Regional data set…</source>
        <translation>Regional datamängd…</translation>
    </message>
    <message>
        <source>Pseudonymous course records of this period for the county&apos;s coordination centre, encrypted to its key</source>
        <translation>Pseudonymiserade uppgifter om periodens vårdperioder för välfärdsområdets koordineringscenter, krypterade till dess nyckel</translation>
    </message>
    <message>
        <source>Outcome rules: {preset}.</source>
        <translation>Regler för behandlingsresultat: {preset}.</translation>
    </message>
</context>
<context>
    <name>StatisticsTables</name>
    <message>
        <source>“{hidden}” marks a hidden figure: every figure based on fewer than 5 courses or sessions is hidden, and so are enough others that none of them can be worked out from the totals.</source>
        <translation>Tecknet ”{hidden}” betyder en dold siffra. Dolda är alla siffror som bygger på färre än fem vårdperioder eller besök, och så många andra att de inte kan räknas ut ur summorna.</translation>
    </message>
    <message>
        <source>Hidden so that no client can be recognised</source>
        <translation>Dold så att ingen klient kan kännas igen</translation>
    </message>
</context>
<context>
    <name>StoreScreen</name>
    <message>
        <source>Regional statistics</source>
        <translation>Regional statistik</translation>
    </message>
    <message>
        <source>The county&apos;s pooled figures from the units&apos; regional data sets. Open the region store to see them.</source>
        <translation>Välfärdsområdets sammanslagna siffror ur enheternas regionala datamängder. Öppna den regionala databasen för att se dem.</translation>
    </message>
    <message>
        <source>Store: {location}</source>
        <translation>Databas: {location}</translation>
    </message>
    <message>
        <source>Store &amp;passphrase</source>
        <translation>Databasens &amp;lösenfras</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Anslut</translation>
    </message>
    <message>
        <source>Enter the store&apos;s passphrase.</source>
        <translation>Skriv databasens lösenfras.</translation>
    </message>
    <message>
        <source>There is no region store here yet. Data sets are imported into it with askel region import.</source>
        <translation>Här finns ännu ingen regional databas. Datamängder importeras till den med kommandot askel region import.</translation>
    </message>
    <message>
        <source>The store was written by a newer Askel. Update Askel to open it.</source>
        <translation>Databasen har skrivits av en nyare Askel. Uppdatera Askel för att öppna den.</translation>
    </message>
    <message>
        <source>The store&apos;s address is not a PostgreSQL address (postgresql+psycopg://…).</source>
        <translation>Databasens adress är inte en PostgreSQL-adress (postgresql+psycopg://…).</translation>
    </message>
    <message>
        <source>The database server could not be reached, or it refused the connection. Check the address and the network, or ask IT.</source>
        <translation>Databasservern kunde inte nås, eller så vägrade den anslutningen. Kontrollera adressen och nätverket eller fråga IT.</translation>
    </message>
    <message>
        <source>The store could not be opened: it may be damaged, or its key file is missing.</source>
        <translation>Databasen kunde inte öppnas: den kan vara skadad, eller så saknas dess nyckelfil.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Askel is locked</source>
        <translation>Askel är låst</translation>
    </message>
    <message>
        <source>Askel locked itself to protect client data. Enter your passphrase to continue.</source>
        <translation>Askel låstes automatiskt för att skydda klientuppgifterna. Skriv din lösenfras för att fortsätta.</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Välkommen tillbaka</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your clients.</source>
        <translation>Skriv din lösenfras för att komma åt klientuppgifterna.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Lösenfras</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Öppnar…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Återställ en säkerhetskopia…</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Skriv din lösenfras.</translation>
    </message>
    <message>
        <source>Askel could not open the data folder.</source>
        <translation>Askel kunde inte öppna datamappen.</translation>
    </message>
    <message>
        <source>The latest backup was taken on {date}.</source>
        <translation>Den senaste säkerhetskopian togs {date}.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Clients</source>
        <translation>Klienter</translation>
    </message>
    <message>
        <source>Guarantee list</source>
        <translation>Terapigaranti</translation>
    </message>
    <message>
        <source>My methods</source>
        <translation>Mina metoder</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>+ Log a contact</source>
        <translation>+ Registrera en kontakt</translation>
    </message>
    <message>
        <source>Log a contact without opening a session (Ctrl+K)</source>
        <translation>Registrera en kontakt utan att öppna en träff (Ctrl+K)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Lås (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>{name}, {age} years · {code}</source>
        <translation>{name}, {age} år · {code}</translation>
    </message>
    <message>
        <source>Risk answer {date}</source>
        <translation>Risksvar {date}</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Områden</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Registrera en kontakt</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupper</translation>
    </message>
    <message>
        <source>{meeting} closed: written into the records of {count} members.</source>
        <translation>{meeting} stängd: antecknad hos {count} deltagare.</translation>
    </message>
</context>
<context>
    <name>hetu</name>
    <message>
        <source>Enter a personal identity code.</source>
        <translation>Skriv en personbeteckning.</translation>
    </message>
    <message>
        <source>A personal identity code has 11 characters; this one has {length}.</source>
        <translation>En personbeteckning har 11 tecken, den här har {length}.</translation>
    </message>
    <message>
        <source>A personal identity code is six digits, a century sign, three digits and a check character.</source>
        <translation>En personbeteckning består av sex siffror, ett skiljetecken, tre siffror och ett kontrolltecken.</translation>
    </message>
    <message>
        <source>The seventh character must be a century sign: + (1800s), - Y X W V U (1900s) or A to F (2000s).</source>
        <translation>Det sjunde tecknet ska vara ett skiljetecken: + (1800-talet), - Y X W V U (1900-talet) eller A–F (2000-talet).</translation>
    </message>
    <message>
        <source>The birth date in the code is in the future.</source>
        <translation>Födelsedatumet i personbeteckningen ligger i framtiden.</translation>
    </message>
    <message>
        <source>The individual number (characters 8–10) cannot be 000 or 001.</source>
        <translation>Individnumret (tecken 8–10) kan inte vara 000 eller 001.</translation>
    </message>
    <message>
        <source>The check character does not match. Check the identity code with the client or from the Kela card.</source>
        <translation>Kontrolltecknet stämmer inte. Kontrollera personbeteckningen med klienten eller från FPA-kortet.</translation>
    </message>
    <message>
        <source>The first six digits are not a real date (DDMMYY) in the century given.</source>
        <translation>De sex första siffrorna är inte ett giltigt datum (DDMMÅÅ). Kontrollera också skiljetecknet i mitten (till exempel - eller A).</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Nurse</source>
        <translation>Sjukskötare</translation>
    </message>
    <message>
        <source>Public health nurse</source>
        <translation>Hälsovårdare</translation>
    </message>
    <message>
        <source>Psychologist</source>
        <translation>Psykolog</translation>
    </message>
    <message>
        <source>School psychologist</source>
        <translation>Skolpsykolog</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>Socialarbetare</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Finska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <source>Session of the method</source>
        <translation>Träff inom metoden</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefonsamtal</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Meeting with a guardian</source>
        <translation>Möte med vårdnadshavare</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Konsultation</translation>
    </message>
    <message>
        <source>Parents&apos; meeting of the method</source>
        <translation>Föräldraträff inom metoden</translation>
    </message>
    <message>
        <source>Other contact</source>
        <translation>Annan kontakt</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>På plats</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
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
        <translation>Den här inställningen är låst av din organisations IT-stöd.</translation>
    </message>
    <message>
        <source>Use true or false.</source>
        <translation>Använd true eller false.</translation>
    </message>
    <message>
        <source>Use a whole number from {minimum} to {maximum}.</source>
        <translation>Använd ett heltal från {minimum} till {maximum}.</translation>
    </message>
    <message>
        <source>Use one of: {choices}.</source>
        <translation>Använd ett av följande: {choices}.</translation>
    </message>
    <message>
        <source>Use one line of text, at most {limit} characters.</source>
        <translation>Använd en rad text, högst {limit} tecken.</translation>
    </message>
    <message>
        <source>Use text without control characters, at most {limit} characters.</source>
        <translation>Använd text utan styrtecken, högst {limit} tecken.</translation>
    </message>
    <message>
        <source>Use an absolute folder path, or leave it empty.</source>
        <translation>Använd en absolut sökväg till en mapp eller lämna tomt.</translation>
    </message>
    <message>
        <source>Use a base64-encoded 32-byte public key, or leave it empty.</source>
        <translation>Använd en base64-kodad offentlig nyckel på 32 byte eller lämna tomt.</translation>
    </message>
    <message>
        <source>Use a list of at most {limit} base64-encoded 32-byte public keys.</source>
        <translation>Använd en lista med högst {limit} base64-kodade offentliga nycklar på 32 byte.</translation>
    </message>
    <message>
        <source>Use an OID: numbers separated by dots, such as 1.2.246.10.12345678.22.</source>
        <translation>Använd en OID: siffror åtskilda med punkter, till exempel 1.2.246.10.12345678.22.</translation>
    </message>
    <message>
        <source>Unknown setting; it was ignored.</source>
        <translation>Okänd inställning, den ignorerades.</translation>
    </message>
    <message>
        <source>The file is owned by user {uid}, not by root.</source>
        <translation>Filen ägs av användaren {uid}, inte av root.</translation>
    </message>
    <message>
        <source>Users other than root can change the file (mode {mode}).</source>
        <translation>Även andra användare än root kan ändra filen (behörighet {mode}).</translation>
    </message>
    <message>
        <source>Users other than root can change the folder {folder} (owner {uid}, mode {mode}).</source>
        <translation>Även andra användare än root kan ändra mappen {folder} (ägare {uid}, behörighet {mode}).</translation>
    </message>
    <message>
        <source>{path} is owned by {owner}, not by Administrators or SYSTEM.</source>
        <translation>{path} ägs av {owner}, inte av Administrators eller SYSTEM.</translation>
    </message>
    <message>
        <source>{path} has no access list: everyone can change it.</source>
        <translation>{path} saknar åtkomstlista: vem som helst kan ändra den.</translation>
    </message>
    <message>
        <source>{account} can change {path}; only administrators may.</source>
        <translation>{account} kan ändra {path}; endast administratörer får göra det.</translation>
    </message>
    <message>
        <source>Who can change the file could not be checked ({error}).</source>
        <translation>Det gick inte att kontrollera vem som kan ändra filen ({error}).</translation>
    </message>
    <message>
        <source>Unknown section &quot;{section}&quot;: only &quot;policy&quot; and &quot;defaults&quot;.</source>
        <translation>Okänt avsnitt &quot;{section}&quot;: endast &quot;policy&quot; och &quot;defaults&quot; är tillåtna.</translation>
    </message>
    <message>
        <source>The section &quot;{section}&quot; is not a JSON object.</source>
        <translation>Avsnittet &quot;{section}&quot; är inte ett JSON-objekt.</translation>
    </message>
    <message>
        <source>The file could not be read ({error}).</source>
        <translation>Filen kunde inte läsas ({error}).</translation>
    </message>
    <message>
        <source>The file is larger than {limit} bytes.</source>
        <translation>Filen är större än {limit} byte.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line {line}, column {column}).</source>
        <translation>Filen är inte giltig JSON (rad {line}, kolumn {column}).</translation>
    </message>
    <message>
        <source>The file is not a JSON object.</source>
        <translation>Filen är inte ett JSON-objekt.</translation>
    </message>
    <message>
        <source>The file is not a property list dictionary.</source>
        <translation>Filen är inte en property list-ordlista.</translation>
    </message>
    <message>
        <source>The registry key could not be read ({error}).</source>
        <translation>Registernyckeln kunde inte läsas ({error}).</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>Enter a name.</source>
        <translation>Skriv ett namn.</translation>
    </message>
    <message>
        <source>A name cannot contain digits.</source>
        <translation>Ett namn kan inte innehålla siffror.</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>Skriv ett datum.</translation>
    </message>
    <message>
        <source>Enter the date as day.month.year, for example 5.3.2026.</source>
        <translation>Skriv datumet i formen d.m.åååå, till exempel 5.3.2026.</translation>
    </message>
    <message>
        <source>This date does not exist in the calendar.</source>
        <translation>Det här datumet finns inte i kalendern.</translation>
    </message>
    <message>
        <source>Enter a time.</source>
        <translation>Skriv en tidpunkt.</translation>
    </message>
    <message>
        <source>Enter the time as hours.minutes, for example 14.05.</source>
        <translation>Skriv tiden som timmar.minuter, till exempel 14.05.</translation>
    </message>
    <message>
        <source>This time does not exist: hours go to 23 and minutes to 59.</source>
        <translation>Den tiden finns inte: timmar går till 23 och minuter till 59.</translation>
    </message>
    <message>
        <source>The next appointment must be in the future.</source>
        <translation>Nästa träff måste ligga i framtiden.</translation>
    </message>
    <message>
        <source>A birth date cannot be in the future.</source>
        <translation>Födelsedatumet kan inte ligga i framtiden.</translation>
    </message>
    <message>
        <source>A birth date cannot be before {year}.</source>
        <translation>Födelsedatumet kan inte vara före år {year}.</translation>
    </message>
    <message>
        <source>Enter the number of minutes.</source>
        <translation>Skriv antalet minuter.</translation>
    </message>
    <message>
        <source>Enter the minutes as a whole number.</source>
        <translation>Skriv minuterna som ett heltal.</translation>
    </message>
    <message>
        <source>Enter a number of minutes from {lo} to {hi}.</source>
        <translation>Skriv ett antal minuter mellan {lo} och {hi}.</translation>
    </message>
    <message>
        <source>Enter an ICD-10 code.</source>
        <translation>Skriv en ICD-10-kod.</translation>
    </message>
    <message>
        <source>An ICD-10 code is a letter, two digits and an optional subcode, for example F32.1.</source>
        <translation>En ICD-10-kod består av en bokstav, två siffror och eventuellt en underkod, till exempel F32.1.</translation>
    </message>
    <message>
        <source>Use at least {minimum} characters.</source>
        <translation>Använd minst {minimum} tecken.</translation>
    </message>
    <message>
        <source>A name may contain only letters, spaces, hyphens and apostrophes.</source>
        <translation>Ett namn får bara innehålla bokstäver, mellanslag, bindestreck och apostrofer.</translation>
    </message>
    <message>
        <source>The text is too long: at most {limit} characters are allowed, now {length}.</source>
        <translation>Texten är för lång: högst {limit} tecken är tillåtna, nu {length}.</translation>
    </message>
    <message>
        <source>A Terhikki registration number has 11 digits.</source>
        <translation>Ett registreringsnummer i Terhikki har 11 siffror.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Use several words that do not belong together, or make it longer.</source>
        <translation>Den här lösenfrasen är för lätt att gissa. Använd flera ord som inte hör ihop, eller gör den längre.</translation>
    </message>
</context>
<context>
    <name>vault</name>
    <message>
        <source>The data folder could not be opened.</source>
        <translation>Datamappen kunde inte öppnas.</translation>
    </message>
    <message>
        <source>The passphrase is not correct. Check the keyboard layout and Caps Lock.</source>
        <translation>Lösenfrasen är fel. Kontrollera tangentbordslayouten och Caps Lock.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases. Try again in {seconds} seconds.</source>
        <translation>För många felaktiga lösenfraser. Försök igen om {seconds} sekunder.</translation>
    </message>
    <message>
        <source>The key file of this data folder is missing. Without it the data cannot be opened: restore the key file from a backup or ask IT to use the organisation recovery key.</source>
        <translation>Nyckelfilen för den här datamappen saknas. Utan den kan uppgifterna inte öppnas. Återställ nyckelfilen från en säkerhetskopia eller be IT-stödet använda organisationens återställningsnyckel.</translation>
    </message>
    <message>
        <source>The key file of this data folder is damaged. Nothing was changed. Restore the key file from a backup or ask IT to use the organisation recovery key.</source>
        <translation>Nyckelfilen för den här datamappen är skadad. Ingenting ändrades. Återställ nyckelfilen från en säkerhetskopia eller be IT-stödet använda organisationens återställningsnyckel.</translation>
    </message>
    <message>
        <source>The database could not be read: it may be damaged or belong to another key file. Nothing was changed. You can restore the latest backup.</source>
        <translation>Databasen kunde inte läsas: den kan vara skadad eller höra till en annan nyckelfil. Ingenting ändrades. Du kan återställa den senaste säkerhetskopian.</translation>
    </message>
    <message>
        <source>The database file of this data folder is missing. Nothing was created in its place. You can restore the latest backup.</source>
        <translation>Databasfilen i den här datamappen saknas. Ingen ny fil skapades i stället. Du kan återställa den senaste säkerhetskopian.</translation>
    </message>
    <message>
        <source>This data was saved by a newer version of Askel. Install the newer version to open it; nothing was changed.</source>
        <translation>Uppgifterna har sparats med en nyare version av Askel. Installera den nyare versionen för att öppna dem. Ingenting ändrades.</translation>
    </message>
    <message>
        <source>This computer has no secure key storage available. Use the passphrase instead.</source>
        <translation>Den här datorn har inget säkert nyckellager. Använd lösenfrasen i stället.</translation>
    </message>
    <message>
        <source>The passphrase is not remembered on this computer.</source>
        <translation>Lösenfrasen är inte sparad på den här datorn.</translation>
    </message>
    <message>
        <source>This data folder has no organisation recovery key.</source>
        <translation>Den här datamappen har ingen återställningsnyckel för organisationen.</translation>
    </message>
    <message>
        <source>This data folder already holds an Askel vault.</source>
        <translation>Den här datamappen innehåller redan ett Askel-datalager.</translation>
    </message>
    <message>
        <source>The disk is full or not writable. The last change was not saved; free some space and try again.</source>
        <translation>Disken är full eller skrivskyddad. Den senaste ändringen sparades inte. Frigör utrymme och försök igen.</translation>
    </message>
    <message>
        <source>Part of the database is missing: the file askel.db-wal, which holds the latest changes, is gone. Nothing was changed. Put the file back if you have a copy, or restore the latest backup.</source>
        <translation>En del av databasen saknas: filen askel.db-wal, som innehåller de senaste ändringarna, har försvunnit. Ingenting ändrades. Lägg tillbaka filen om du har en kopia, eller återställ den senaste säkerhetskopian.</translation>
    </message>
    <message>
        <source>Askel could not read or write the data folder. Check that the disk is connected and working. The last change was not saved.</source>
        <translation>Askel kunde inte läsa från eller skriva till datamappen. Kontrollera att disken är ansluten och fungerar. Den senaste ändringen sparades inte.</translation>
    </message>
    <message>
        <source>This backup cannot be restored: it is damaged or was made with another key file. Nothing was changed.</source>
        <translation>Den här säkerhetskopian kan inte återställas: den är skadad eller gjord med en annan nyckelfil. Ingenting ändrades.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Askel and cannot be restored here. Nothing was changed.</source>
        <translation>Den här säkerhetskopian har gjorts med en nyare version av Askel och kan inte återställas här. Ingenting ändrades.</translation>
    </message>
    <message>
        <source>This data folder holds a real vault, not a training vault. Fictitious clients are only added to training vaults: choose another data folder.</source>
        <translation>Den här datamappen innehåller ett riktigt datalager, inte ett övningslager. Fiktiva klienter läggs bara till i övningslager. Välj en annan datamapp.</translation>
    </message>
    <message>
        <source>This key file is older than the database: the passphrase or the keys were changed after it was made, so it is no longer accepted. Nothing was changed. Put the current key file back, or ask IT to use the organisation recovery key.</source>
        <translation>Den här nyckelfilen är äldre än databasen: lösenfrasen eller nycklarna har bytts efter att den gjordes, så den godtas inte längre. Ingenting ändrades. Lägg tillbaka den aktuella nyckelfilen eller be IT-stödet använda organisationens återställningsnyckel.</translation>
    </message>
    <message>
        <source>The data folder is a file, not a folder. Check the data folder setting. Nothing was changed.</source>
        <translation>Datamappen är en fil, inte en mapp. Kontrollera inställningen för datamappen. Ingenting ändrades.</translation>
    </message>
</context>
</TS>
