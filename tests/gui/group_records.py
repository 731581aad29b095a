"""What each member's record of the group in tests/gui/test_groups_flow.py must say, written out by hand: the whole
text entry of every member, in Finnish (a Cool Kids group) and in Swedish (group KLT for young people).

A line "…" stands for one line of the outcome rules' own wording (askel.core.content.outcomes and the questionnaire
wording notes), which other parts of the program own and may reword; every other line is compared exactly.

Read them as a clinician would: each member's own attendance and notes, what the group shared, the member's homework
(Saga's exception at the first session), the questionnaires Elias and Vilja filled in themselves, the late joiners' plans and reasons, Oskari's leaving, the parents' meeting
as a contact of its own, and the procedure code of the format (none for Cool Kids, said so; IDR17 for group KLT).
"""

EXPECTED = {
    "fi": {
        "A": """\
Hoitojakson yhteenveto: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma

Hoidon tarve
Hoidon tarve todettu 20.8.2026.
Alkumittaus: GAD-7 14 (keskivaikea).

Hoidon suunnittelu / tavoite
Menetelmä: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma, suunniteltu 10 käyntiä.
Toteutusmuoto: lasten ryhmä; ohjaajat Testi Hoitaja ja Bo Ledare.

Hoidon toteutus
Toimenpidekoodi (THL): ei vahvistettu, joten se jätetään tyhjäksi.
Käynnit: toteutunut 3, suunniteltu 10; peruttu 0, ei saapunut 0.
Ryhmätapaaminen 1/10 7.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Esittäytyminen ja ryhmän pelisäännöistä sopiminen; Ohjelman kulku lapsille ja vanhemmille
- Ryhmän muistiinpanot: Ryhmä sopi yhteiset säännöt ja harjoitteli rauhoittavaa hengitystä.
- Kotitehtävä: Harjoittele hengitystä kerran päivässä.
- Muistiinpanot asiakkaasta: Ilmari kertoi tapaamisessa 1 harrastuksestaan (kalliokiipeily).
Ryhmätapaaminen 2/10 14.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Kierros: kuulumiset ja edellisen viikon harjoitusaskeleet; Kotitehtävien läpikäynti
- Ryhmän muistiinpanot: Harjoiteltiin pelättyjen tilanteiden portaikkoa pareittain.
- Kotitehtävä: Ota yksi harjoitusaskel.
- Muistiinpanot asiakkaasta: Ilmari kertoi tapaamisessa 2 harrastuksestaan (kalliokiipeily).
Ryhmätapaaminen 3/10 21.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Kierros: kuulumiset ja edellisen viikon harjoitusaskeleet; Kotitehtävien läpikäynti
- Ryhmän muistiinpanot: Käytiin läpi harjoitusaskeleita ja onnistumisia.
- Kotitehtävä: Jatka harjoittelua omin päin.
- Muistiinpanot asiakkaasta: Ilmari kertoi tapaamisessa 3 harrastuksestaan (kalliokiipeily).
Muu yhteydenotto 23.9.2026 klo 18.00: vanhempien tapaaminen, vastaanotolla, 90 min.
- Läsnä: vanhempi
- Käsitellyt asiat ryhmässä: Kuulumiset kotoa ja harjoittelun sujuminen; Miten vanhempi tukee harjoittelua ja huomaa yrittämisen
- Ryhmän muistiinpanot: Vanhemmat jakoivat kokemuksia kotiharjoittelusta.
- Muistiinpanot asiakkaasta: Ilmari kertoi vanhempien tapaamisessa harrastuksestaan (kalliokiipeily).

Hoidon arviointi
GAD-7: 14 pistettä (keskivaikea), vain yksi mittaus.
…
…

Jatkosuunnitelma
Hoitojakso jatkuu ryhmässä: seuraava ryhmätapaaminen 4/10 28.9.2026.
""",
        "B": """\
Hoitojakson yhteenveto: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma

Hoidon tarve
Alkumittaus: GAD-7 14 (keskivaikea).

Hoidon suunnittelu / tavoite
Menetelmä: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma, suunniteltu 10 käyntiä.
Toteutusmuoto: lasten ryhmä; ohjaajat Testi Hoitaja ja Bo Ledare.

Hoidon toteutus
Toimenpidekoodi (THL): ei vahvistettu, joten se jätetään tyhjäksi.
Käynnit: toteutunut 3, suunniteltu 10; peruttu 0, ei saapunut 0.
Ryhmätapaaminen 1/10 7.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Esittäytyminen ja ryhmän pelisäännöistä sopiminen; Ohjelman kulku lapsille ja vanhemmille
- Ryhmän muistiinpanot: Ryhmä sopi yhteiset säännöt ja harjoitteli rauhoittavaa hengitystä.
- Kotitehtävä: Hengitysharjoitus kahdesti viikossa, koska kisaviikko.
- Muistiinpanot asiakkaasta: Saga kertoi tapaamisessa 1 harrastuksestaan (ridning).
Ryhmätapaaminen 2/10 14.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Kierros: kuulumiset ja edellisen viikon harjoitusaskeleet; Kotitehtävien läpikäynti
- Ryhmän muistiinpanot: Harjoiteltiin pelättyjen tilanteiden portaikkoa pareittain.
- Kotitehtävä: Ota yksi harjoitusaskel.
- Muistiinpanot asiakkaasta: Saga kertoi tapaamisessa 2 harrastuksestaan (ridning).
Ryhmätapaaminen 3/10 21.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Kierros: kuulumiset ja edellisen viikon harjoitusaskeleet; Kotitehtävien läpikäynti
- Ryhmän muistiinpanot: Käytiin läpi harjoitusaskeleita ja onnistumisia.
- Kotitehtävä: Jatka harjoittelua omin päin.
- Muistiinpanot asiakkaasta: Saga kertoi tapaamisessa 3 harrastuksestaan (ridning).
Muu yhteydenotto 23.9.2026 klo 18.00: vanhempien tapaaminen, vastaanotolla, 90 min.
- Läsnä: vanhempi
- Käsitellyt asiat ryhmässä: Kuulumiset kotoa ja harjoittelun sujuminen; Miten vanhempi tukee harjoittelua ja huomaa yrittämisen
- Ryhmän muistiinpanot: Vanhemmat jakoivat kokemuksia kotiharjoittelusta.
- Muistiinpanot asiakkaasta: Saga kertoi vanhempien tapaamisessa harrastuksestaan (ridning).

Hoidon arviointi
GAD-7: 14 pistettä (keskivaikea), vain yksi mittaus.
…
…

Jatkosuunnitelma
Hoitojakso jatkuu ryhmässä: seuraava ryhmätapaaminen 4/10 28.9.2026.
""",
        "C": """\
Hoitojakson yhteenveto: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma

Hoidon tarve
Hoidon tarve todettu 1.9.2026.
Alkumittaus: GAD-7 7 (lievä).

Hoidon suunnittelu / tavoite
Menetelmä: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma, suunniteltu 10 käyntiä.
Toteutusmuoto: lasten ryhmä; ohjaajat Testi Hoitaja ja Bo Ledare.

Hoidon toteutus
Toimenpidekoodi (THL): ei vahvistettu, joten se jätetään tyhjäksi.
Käynnit: toteutunut 2, suunniteltu 10; peruttu 0, ei saapunut 1.
Ryhmätapaaminen 1/10 7.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Esittäytyminen ja ryhmän pelisäännöistä sopiminen; Ohjelman kulku lapsille ja vanhemmille
- Ryhmän muistiinpanot: Ryhmä sopi yhteiset säännöt ja harjoitteli rauhoittavaa hengitystä.
- Kotitehtävä: Harjoittele hengitystä kerran päivässä.
- Muistiinpanot asiakkaasta: Vilja kertoi tapaamisessa 1 harrastuksestaan (kuorolaulu).
Ryhmätapaaminen 2/10 14.9.2026 klo 14.00: asiakas ei saapunut.
- Muistiinpanot asiakkaasta: Vilja kertoi tapaamisessa 2 harrastuksestaan (kuorolaulu).
Ryhmätapaaminen 3/10 21.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Kierros: kuulumiset ja edellisen viikon harjoitusaskeleet; Kotitehtävien läpikäynti
- Ryhmän muistiinpanot: Käytiin läpi harjoitusaskeleita ja onnistumisia.
- Kotitehtävä: Jatka harjoittelua omin päin.
- Muistiinpanot asiakkaasta: Vilja kertoi tapaamisessa 3 harrastuksestaan (kuorolaulu).
Muu yhteydenotto 23.9.2026 klo 18.00: vanhempien tapaaminen, peruttu.

Hoidon arviointi
GAD-7: 7 pistettä (lievä), vain yksi mittaus.
…
…

Jatkosuunnitelma
Hoitojakso jatkuu ryhmässä: seuraava ryhmätapaaminen 4/10 28.9.2026.
""",
        "D": """\
Hoitojakson yhteenveto: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma

Hoidon tarve
Ei kirjauksia.

Hoidon suunnittelu / tavoite
Menetelmä: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma, suunniteltu 10 käyntiä.
Toteutusmuoto: lasten ryhmä; ohjaajat Testi Hoitaja ja Bo Ledare.

Hoidon toteutus
Toimenpidekoodi (THL): ei vahvistettu, joten se jätetään tyhjäksi.
Käynnit: toteutunut 1, suunniteltu 10; peruttu 1, ei saapunut 0.
Ryhmätapaaminen 1/10 7.9.2026 klo 14.00: peruttu.
- Muistiinpanot asiakkaasta: Oskari kertoi tapaamisessa 1 harrastuksestaan (jääkiekko).
Ryhmätapaaminen 2/10 14.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Kierros: kuulumiset ja edellisen viikon harjoitusaskeleet; Kotitehtävien läpikäynti
- Ryhmän muistiinpanot: Harjoiteltiin pelättyjen tilanteiden portaikkoa pareittain.
- Kotitehtävä: Ota yksi harjoitusaskel.
- Muistiinpanot asiakkaasta: Oskari kertoi tapaamisessa 2 harrastuksestaan (jääkiekko).

Hoidon arviointi
Hoitojakson aikana ei täytetty kyselyjä.

Jatkosuunnitelma
Hoitojakso päättyi 16.9.2026: keskeytyi.
Lopettamisen syy tai huomiot: Muutti toiselle paikkakunnalle.
Jatkosta ei ole kirjattu päätöstä.
""",
        "E": """\
Hoitojakson yhteenveto: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma

Hoidon tarve
Alkumittaus: GAD-7 7 (lievä).

Hoidon suunnittelu / tavoite
Menetelmä: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma, suunniteltu 9 käyntiä.
Toteutusmuoto: lasten ryhmä; ohjaajat Testi Hoitaja ja Bo Ledare.
Liittyi ryhmään 10.9.2026 ryhmätapaamisesta 2 alkaen.
Myöhemmän liittymisen syy: Siirtyi jonosta, kun ryhmään vapautui paikka.

Hoidon toteutus
Toimenpidekoodi (THL): ei vahvistettu, joten se jätetään tyhjäksi.
Käynnit: toteutunut 2, suunniteltu 9; peruttu 0, ei saapunut 0.
Ryhmätapaaminen 2/10 14.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Kierros: kuulumiset ja edellisen viikon harjoitusaskeleet; Kotitehtävien läpikäynti
- Ryhmän muistiinpanot: Harjoiteltiin pelättyjen tilanteiden portaikkoa pareittain.
- Kotitehtävä: Ota yksi harjoitusaskel.
- Muistiinpanot asiakkaasta: Elias kertoi tapaamisessa 2 harrastuksestaan (segling).
Ryhmätapaaminen 3/10 21.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Kierros: kuulumiset ja edellisen viikon harjoitusaskeleet; Kotitehtävien läpikäynti
- Ryhmän muistiinpanot: Käytiin läpi harjoitusaskeleita ja onnistumisia.
- Kotitehtävä: Jatka harjoittelua omin päin.
- Muistiinpanot asiakkaasta: Elias kertoi tapaamisessa 3 harrastuksestaan (segling).
Muu yhteydenotto 23.9.2026 klo 18.00: vanhempien tapaaminen, vastaanotolla, 90 min.
- Läsnä: vanhempi
- Käsitellyt asiat ryhmässä: Kuulumiset kotoa ja harjoittelun sujuminen; Miten vanhempi tukee harjoittelua ja huomaa yrittämisen
- Ryhmän muistiinpanot: Vanhemmat jakoivat kokemuksia kotiharjoittelusta.
- Muistiinpanot asiakkaasta: Elias kertoi vanhempien tapaamisessa harrastuksestaan (segling).

Hoidon arviointi
GAD-7: 7 pistettä (lievä), vain yksi mittaus.
…
…

Jatkosuunnitelma
Hoitojakso jatkuu ryhmässä: seuraava ryhmätapaaminen 4/10 28.9.2026.
""",
        "F": """\
Hoitojakson yhteenveto: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma

Hoidon tarve
Ei kirjauksia.

Hoidon suunnittelu / tavoite
Menetelmä: Cool Kids -ryhmä - ahdistuneiden lasten ja nuorten ohjelma, suunniteltu 9 käyntiä.
Toteutusmuoto: lasten ryhmä; ohjaajat Testi Hoitaja ja Bo Ledare.
Liittyi ryhmään 10.9.2026 ryhmätapaamisesta 2 alkaen.
Myöhemmän liittymisen syy: Siirtyi jonosta, kun ryhmään vapautui paikka.

Hoidon toteutus
Toimenpidekoodi (THL): ei vahvistettu, joten se jätetään tyhjäksi.
Käynnit: toteutunut 1, suunniteltu 9; peruttu 1, ei saapunut 0.
Ryhmätapaaminen 2/10 14.9.2026 klo 14.00, vastaanotolla, 90 min.
- Käsitellyt asiat ryhmässä: Kierros: kuulumiset ja edellisen viikon harjoitusaskeleet; Kotitehtävien läpikäynti
- Ryhmän muistiinpanot: Harjoiteltiin pelättyjen tilanteiden portaikkoa pareittain.
- Kotitehtävä: Ota yksi harjoitusaskel.
- Muistiinpanot asiakkaasta: Ronja kertoi tapaamisessa 2 harrastuksestaan (partiotaidot).
Ryhmätapaaminen 3/10 21.9.2026 klo 14.00: peruttu.
- Muistiinpanot asiakkaasta: Ronja kertoi tapaamisessa 3 harrastuksestaan (partiotaidot).
Muu yhteydenotto 23.9.2026 klo 18.00: vanhempien tapaaminen, vastaanotolla, 90 min.
- Läsnä: vanhempi
- Käsitellyt asiat ryhmässä: Kuulumiset kotoa ja harjoittelun sujuminen; Miten vanhempi tukee harjoittelua ja huomaa yrittämisen
- Ryhmän muistiinpanot: Vanhemmat jakoivat kokemuksia kotiharjoittelusta.
- Muistiinpanot asiakkaasta: Ronja kertoi vanhempien tapaamisessa harrastuksestaan (partiotaidot).

Hoidon arviointi
Hoitojakson aikana ei täytetty kyselyjä.

Jatkosuunnitelma
Hoitojakso jatkuu ryhmässä: seuraava ryhmätapaaminen 4/10 28.9.2026.
""",
    },
    "sv": {
        "A": """\
Sammanfattning av vårdperioden: Kognitiv korttidsterapi för unga

Vårdbehov
Vårdbehovet konstaterat 20.8.2026.
Utgångsmätning: GAD-7 14 (måttlig).

Planering av vården / mål
Metod: Kognitiv korttidsterapi för unga, planerat 7 besök.
Form: ungdomsgrupp; gruppledare Testi Hoitaja och Bo Ledare.

Genomförande av vården
Åtgärdskod (THL): IDR17
Besök: genomförda 3, planerade 7; avbokade 0, uteblivna 0.
Gruppträff 1/7 7.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Ledarna och deltagarna presenterar sig; Komma överens om gruppens spelregler (sekretess, närvaro, att meddela frånvaro)
- Gruppens anteckningar: Gruppen kom överens om spelreglerna och presenterade metoden.
- Hemuppgift: Skriv ner en situation varje dag.
- Anteckningar om klienten: Ilmari berättade på träff 1 om sin hobby (kalliokiipeily).
Gruppträff 2/7 14.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Runda: hur det har gått och veckans iakttagelser; Gå igenom hemuppgifterna i par eller i hela gruppen
- Gruppens anteckningar: Gruppen övade på att upptäcka automatiska tankar i par.
- Hemuppgift: Pröva ett nytt sätt att tänka en gång.
- Anteckningar om klienten: Ilmari berättade på träff 2 om sin hobby (kalliokiipeily).
Gruppträff 3/7 21.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Runda: hur det har gått och veckans iakttagelser; Gå igenom hemuppgifterna i par eller i hela gruppen
- Gruppens anteckningar: Vi gick igenom hemuppgifterna och övade på problemlösning.
- Hemuppgift: Fortsätt med dagboken.
- Anteckningar om klienten: Ilmari berättade på träff 3 om sin hobby (kalliokiipeily).
Annan kontakt 23.9.2026 kl. 18.00: föräldramöte, på mottagningen, 90 min.
- Närvarande: förälder
- Gruppens anteckningar: Föräldrarna fick information om gruppens upplägg.
- Anteckningar om klienten: Ilmari berättade på föräldramötet om sin hobby (kalliokiipeily).

Bedömning av vården
GAD-7: 14 poäng (måttlig), endast en mätning.
…
…

Fortsatt plan
Vårdperioden fortsätter i gruppen: nästa gruppträff 4/7 28.9.2026.
""",
        "B": """\
Sammanfattning av vårdperioden: Kognitiv korttidsterapi för unga

Vårdbehov
Utgångsmätning: GAD-7 14 (måttlig).

Planering av vården / mål
Metod: Kognitiv korttidsterapi för unga, planerat 7 besök.
Form: ungdomsgrupp; gruppledare Testi Hoitaja och Bo Ledare.

Genomförande av vården
Åtgärdskod (THL): IDR17
Besök: genomförda 3, planerade 7; avbokade 0, uteblivna 0.
Gruppträff 1/7 7.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Ledarna och deltagarna presenterar sig; Komma överens om gruppens spelregler (sekretess, närvaro, att meddela frånvaro)
- Gruppens anteckningar: Gruppen kom överens om spelreglerna och presenterade metoden.
- Hemuppgift: Skriv ner två situationer under veckan, på grund av lägerskolan.
- Anteckningar om klienten: Saga berättade på träff 1 om sin hobby (ridning).
Gruppträff 2/7 14.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Runda: hur det har gått och veckans iakttagelser; Gå igenom hemuppgifterna i par eller i hela gruppen
- Gruppens anteckningar: Gruppen övade på att upptäcka automatiska tankar i par.
- Hemuppgift: Pröva ett nytt sätt att tänka en gång.
- Anteckningar om klienten: Saga berättade på träff 2 om sin hobby (ridning).
Gruppträff 3/7 21.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Runda: hur det har gått och veckans iakttagelser; Gå igenom hemuppgifterna i par eller i hela gruppen
- Gruppens anteckningar: Vi gick igenom hemuppgifterna och övade på problemlösning.
- Hemuppgift: Fortsätt med dagboken.
- Anteckningar om klienten: Saga berättade på träff 3 om sin hobby (ridning).
Annan kontakt 23.9.2026 kl. 18.00: föräldramöte, på mottagningen, 90 min.
- Närvarande: förälder
- Gruppens anteckningar: Föräldrarna fick information om gruppens upplägg.
- Anteckningar om klienten: Saga berättade på föräldramötet om sin hobby (ridning).

Bedömning av vården
GAD-7: 14 poäng (måttlig), endast en mätning.
…
…

Fortsatt plan
Vårdperioden fortsätter i gruppen: nästa gruppträff 4/7 28.9.2026.
""",
        "C": """\
Sammanfattning av vårdperioden: Kognitiv korttidsterapi för unga

Vårdbehov
Vårdbehovet konstaterat 1.9.2026.
Utgångsmätning: GAD-7 7 (lindrig).

Planering av vården / mål
Metod: Kognitiv korttidsterapi för unga, planerat 7 besök.
Form: ungdomsgrupp; gruppledare Testi Hoitaja och Bo Ledare.

Genomförande av vården
Åtgärdskod (THL): IDR17
Besök: genomförda 2, planerade 7; avbokade 0, uteblivna 1.
Gruppträff 1/7 7.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Ledarna och deltagarna presenterar sig; Komma överens om gruppens spelregler (sekretess, närvaro, att meddela frånvaro)
- Gruppens anteckningar: Gruppen kom överens om spelreglerna och presenterade metoden.
- Hemuppgift: Skriv ner en situation varje dag.
- Anteckningar om klienten: Vilja berättade på träff 1 om sin hobby (kuorolaulu).
Gruppträff 2/7 14.9.2026 kl. 14.00: klienten uteblev.
- Anteckningar om klienten: Vilja berättade på träff 2 om sin hobby (kuorolaulu).
Gruppträff 3/7 21.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Runda: hur det har gått och veckans iakttagelser; Gå igenom hemuppgifterna i par eller i hela gruppen
- Gruppens anteckningar: Vi gick igenom hemuppgifterna och övade på problemlösning.
- Hemuppgift: Fortsätt med dagboken.
- Anteckningar om klienten: Vilja berättade på träff 3 om sin hobby (kuorolaulu).
Annan kontakt 23.9.2026 kl. 18.00: föräldramöte, avbokat.

Bedömning av vården
GAD-7: 7 poäng (lindrig), endast en mätning.
…
…

Fortsatt plan
Vårdperioden fortsätter i gruppen: nästa gruppträff 4/7 28.9.2026.
""",
        "D": """\
Sammanfattning av vårdperioden: Kognitiv korttidsterapi för unga

Vårdbehov
Inga anteckningar.

Planering av vården / mål
Metod: Kognitiv korttidsterapi för unga, planerat 7 besök.
Form: ungdomsgrupp; gruppledare Testi Hoitaja och Bo Ledare.

Genomförande av vården
Åtgärdskod (THL): IDR17
Besök: genomförda 1, planerade 7; avbokade 1, uteblivna 0.
Gruppträff 1/7 7.9.2026 kl. 14.00: avbokat.
- Anteckningar om klienten: Oskari berättade på träff 1 om sin hobby (jääkiekko).
Gruppträff 2/7 14.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Runda: hur det har gått och veckans iakttagelser; Gå igenom hemuppgifterna i par eller i hela gruppen
- Gruppens anteckningar: Gruppen övade på att upptäcka automatiska tankar i par.
- Hemuppgift: Pröva ett nytt sätt att tänka en gång.
- Anteckningar om klienten: Oskari berättade på träff 2 om sin hobby (jääkiekko).

Bedömning av vården
Inga formulär fylldes i under vårdperioden.

Fortsatt plan
Vårdperioden avslutades 16.9.2026: avbruten.
Orsak eller kommentarer: Flyttade till en annan ort.
Inget beslut om fortsättningen har antecknats.
""",
        "E": """\
Sammanfattning av vårdperioden: Kognitiv korttidsterapi för unga

Vårdbehov
Utgångsmätning: GAD-7 7 (lindrig).

Planering av vården / mål
Metod: Kognitiv korttidsterapi för unga, planerat 6 besök.
Form: ungdomsgrupp; gruppledare Testi Hoitaja och Bo Ledare.
Gick med i gruppen 10.9.2026 från gruppträff 2.
Orsak till att gå med senare: Flyttade från kön när en plats blev ledig.

Genomförande av vården
Åtgärdskod (THL): IDR17
Besök: genomförda 2, planerade 6; avbokade 0, uteblivna 0.
Gruppträff 2/7 14.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Runda: hur det har gått och veckans iakttagelser; Gå igenom hemuppgifterna i par eller i hela gruppen
- Gruppens anteckningar: Gruppen övade på att upptäcka automatiska tankar i par.
- Hemuppgift: Pröva ett nytt sätt att tänka en gång.
- Anteckningar om klienten: Elias berättade på träff 2 om sin hobby (segling).
Gruppträff 3/7 21.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Runda: hur det har gått och veckans iakttagelser; Gå igenom hemuppgifterna i par eller i hela gruppen
- Gruppens anteckningar: Vi gick igenom hemuppgifterna och övade på problemlösning.
- Hemuppgift: Fortsätt med dagboken.
- Anteckningar om klienten: Elias berättade på träff 3 om sin hobby (segling).
Annan kontakt 23.9.2026 kl. 18.00: föräldramöte, på mottagningen, 90 min.
- Närvarande: förälder
- Gruppens anteckningar: Föräldrarna fick information om gruppens upplägg.
- Anteckningar om klienten: Elias berättade på föräldramötet om sin hobby (segling).

Bedömning av vården
GAD-7: 7 poäng (lindrig), endast en mätning.
…
…

Fortsatt plan
Vårdperioden fortsätter i gruppen: nästa gruppträff 4/7 28.9.2026.
""",
        "F": """\
Sammanfattning av vårdperioden: Kognitiv korttidsterapi för unga

Vårdbehov
Inga anteckningar.

Planering av vården / mål
Metod: Kognitiv korttidsterapi för unga, planerat 6 besök.
Form: ungdomsgrupp; gruppledare Testi Hoitaja och Bo Ledare.
Gick med i gruppen 10.9.2026 från gruppträff 2.
Orsak till att gå med senare: Flyttade från kön när en plats blev ledig.

Genomförande av vården
Åtgärdskod (THL): IDR17
Besök: genomförda 1, planerade 6; avbokade 1, uteblivna 0.
Gruppträff 2/7 14.9.2026 kl. 14.00, på mottagningen, 90 min.
- Behandlade frågor i gruppen: Runda: hur det har gått och veckans iakttagelser; Gå igenom hemuppgifterna i par eller i hela gruppen
- Gruppens anteckningar: Gruppen övade på att upptäcka automatiska tankar i par.
- Hemuppgift: Pröva ett nytt sätt att tänka en gång.
- Anteckningar om klienten: Ronja berättade på träff 2 om sin hobby (partiotaidot).
Gruppträff 3/7 21.9.2026 kl. 14.00: avbokat.
- Anteckningar om klienten: Ronja berättade på träff 3 om sin hobby (partiotaidot).
Annan kontakt 23.9.2026 kl. 18.00: föräldramöte, på mottagningen, 90 min.
- Närvarande: förälder
- Gruppens anteckningar: Föräldrarna fick information om gruppens upplägg.
- Anteckningar om klienten: Ronja berättade på föräldramötet om sin hobby (partiotaidot).

Bedömning av vården
Inga formulär fylldes i under vårdperioden.

Fortsatt plan
Vårdperioden fortsätter i gruppen: nästa gruppträff 4/7 28.9.2026.
""",
    },
}
