<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version {version} (Qt for Python {qt})</source>
        <translation>Version {version} (Qt for Python {qt})</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Öppna databas</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datamapp</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Loggfil</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later. It comes with no warranty.</source>
        <translation>Fri programvara under GNU General Public License, version 3 eller senare. Den levereras utan garanti.</translation>
    </message>
    <message>
        <source>About WiR Manager</source>
        <translation>Om WiR Manager</translation>
    </message>
    <message>
        <source>WiR Manager</source>
        <translation>WiR Manager</translation>
    </message>
    <message>
        <source>Run a Wikimedian-in-Residence programme for intergovernmental organisations: candidates, training, placement requests, explained shortlists and dossiers, in a local encrypted database.</source>
        <translation>Driv ett Wikimedian-in-Residence-program för mellanstatliga organisationer: kandidater, utbildning, placeringsförfrågningar, motiverade kortlistor och dossierer, i en lokal krypterad databas.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Fictional people and requests to try things out. Its passphrase is “{passphrase}”; it is stored as {path}.</source>
        <translation>Påhittade personer och förfrågningar att prova med. Lösenfrasen är ”{passphrase}”; databasen sparas som {path}.</translation>
    </message>
    <message>
        <source>WiR Manager</source>
        <translation>WiR Manager</translation>
    </message>
    <message>
        <source>Automatic backup saved.</source>
        <translation>Automatisk säkerhetskopia sparad.</translation>
    </message>
    <message>
        <source>Creating the demo database with {n} fictional candidates…</source>
        <translation>Skapar demodatabasen med {n} påhittade kandidater…</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}). Your saved data is unchanged. Details for support are in {path}.</source>
        <translation>Något oväntat gick fel ({kind}). Dina sparade uppgifter är oförändrade. Detaljer för support finns i {path}.</translation>
    </message>
    <message>
        <source>The passphrase in {env} does not open this file; type the passphrase.</source>
        <translation>Lösenfrasen i {env} öppnar inte den här filen; skriv lösenfrasen.</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup could not be made: {reason}</source>
        <translation>Dagens automatiska säkerhetskopia kunde inte göras: {reason}</translation>
    </message>
</context>
<context>
    <name>AssignmentPane</name>
    <message>
        <source>Best assignment per request</source>
        <translation>Bästa fördelning per förfrågan</translation>
    </message>
    <message>
        <source>&amp;Apply as shortlists…</source>
        <translation>&amp;Spara som kortlistor…</translation>
    </message>
    <message>
        <source>Save each request&apos;s assigned people as its saved shortlist.</source>
        <translation>Spara varje förfrågans tilldelade personer som dess sparade kortlista.</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportera…</translation>
    </message>
    <message>
        <source>Write the assignment to a spreadsheet (.xlsx).</source>
        <translation>Skriv tilldelningen till ett kalkylblad (.xlsx).</translation>
    </message>
    <message>
        <source>Total score {total:.2f} over {n} open requests; the greedy request-by-request baseline reaches {greedy:.2f}, so the best assignment gains {gain:.2f}. Unfilled positions: {unfilled}.</source>
        <translation>Total poäng {total:.2f} för {n} öppna förfrågningar; den giriga jämförelsen, förfrågan för förfrågan, når {greedy:.2f}, så den bästa fördelningen vinner {gain:.2f}. Otillsatta platser: {unfilled}.</translation>
    </message>
    <message>
        <source>Finding the best assignment…</source>
        <translation>Söker den bästa fördelningen…</translation>
    </message>
    <message>
        <source>Save the assignment as saved shortlists: {people} people on {n} requests? Each request&apos;s people still at “proposed” are replaced; anyone already sent or answered stays.</source>
        <translation>Spara tilldelningen som sparade kortlistor: {people} personer på {n} förfrågningar? Varje förfrågans personer som fortfarande är ”föreslagna” ersätts; den som redan skickats eller fått svar står kvar.</translation>
    </message>
    <message>
        <source>Saved shortlists for {n} requests ({people} people).</source>
        <translation>Kortlistor sparade för {n} förfrågningar ({people} personer).</translation>
    </message>
    <message>
        <source>Saving the shortlists…</source>
        <translation>Sparar kortlistorna…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to {path}.</source>
        <translation>
            <numerusform>%Ln rad skrevs till {path}.</numerusform>
            <numerusform>%Ln rader skrevs till {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the spreadsheet…</source>
        <translation>Skriver kalkylbladet…</translation>
    </message>
    <message>
        <source>Apply the assignment</source>
        <translation>Använd tilldelningen</translation>
    </message>
    <message>
        <source>Save shortlists</source>
        <translation>Spara kortlistor</translation>
    </message>
    <message>
        <source>Export the assignment</source>
        <translation>Exportera tilldelningen</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Inget att visa ännu.</translation>
    </message>
</context>
<context>
    <name>CandidateDetails</name>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Mandatory</source>
        <translation>Obligatorisk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Avklarad</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>native</source>
        <translation>modersmål</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>valfri</translation>
    </message>
</context>
<context>
    <name>CandidateEditor</name>
    <message>
        <source>New candidate</source>
        <translation>Ny kandidat</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>Fullständigt &amp;namn:</translation>
    </message>
    <message>
        <source>As the person writes it, in any script</source>
        <translation>Som personen själv skriver det, i valfri skrift</translation>
    </message>
    <message>
        <source>Name in &amp;Latin script:</source>
        <translation>Namn med &amp;latinska bokstäver:</translation>
    </message>
    <message>
        <source>How the name is written in Latin letters, when the person writes it in another script (optional)</source>
        <translation>Hur namnet skrivs med latinska bokstäver, när personen skriver det med en annan skrift (valfritt)</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>Wikimedia account (global)</source>
        <translation>Wikimedia-konto (globalt)</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-post:</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>namn@example.org</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>&amp;Affiliate:</source>
        <translation>Ansluten &amp;organisation:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>K&amp;ön:</translation>
    </message>
    <message>
        <source>as the person describes it (optional)</source>
        <translation>som personen själv beskriver det (valfritt)</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>&amp;Fas:</translation>
    </message>
    <message>
        <source>Active &amp;since:</source>
        <translation>Aktiv s&amp;edan:</translation>
    </message>
    <message>
        <source>year of first edit</source>
        <translation>år för första redigeringen</translation>
    </message>
    <message>
        <source>Edit c&amp;ount:</source>
        <translation>Antal &amp;redigeringar:</translation>
    </message>
    <message>
        <source>global edit count</source>
        <translation>globalt antal redigeringar</translation>
    </message>
    <message>
        <source>Available &amp;from:</source>
        <translation>Tillgänglig &amp;från:</translation>
    </message>
    <message>
        <source>Available &amp;until:</source>
        <translation>Tillgänglig &amp;till:</translation>
    </message>
    <message>
        <source>Re&amp;location:</source>
        <translation>Flytt&amp;villig:</translation>
    </message>
    <message>
        <source>Whether the person would move to another country for an on-site or hybrid placement. “Will not relocate” rules them out of on-site and hybrid requests in other countries.</source>
        <translation>Om personen skulle flytta till ett annat land för en placering på plats eller hybrid. ”Vill inte flytta” utesluter personen från förfrågningar på plats och hybrid i andra länder.</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Language to add</source>
        <translation>Språk att lägga till</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <source>Add / set level</source>
        <translation>Lägg till/ange nivå</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Skills &amp;&amp; topics</source>
        <translation>Kunskaper &amp;&amp; ämnen</translation>
    </message>
    <message>
        <source>Wikimedia platform skills</source>
        <translation>Kunskaper i Wikimedias plattformar</translation>
    </message>
    <message>
        <source>Topic areas</source>
        <translation>Ämnesområden</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>Utbildningsframsteg</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>Without consent to be proposed, the person never appears in a shortlist or a dossier.</source>
        <translation>Utan samtycke till att föreslås visas personen aldrig på en kortlista eller i en dossier.</translation>
    </message>
    <message>
        <source>Agrees to be kept in the candidate pool</source>
        <translation>Samtycker till att finnas kvar i kandidatpoolen</translation>
    </message>
    <message>
        <source>Agrees to be proposed to organisations</source>
        <translation>Samtycker till att föreslås för organisationer</translation>
    </message>
    <message>
        <source>Agrees that contact details go into dossiers</source>
        <translation>Samtycker till att kontaktuppgifter tas med i dossierer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Notes for the programme team (kept encrypted; never in dossiers)</source>
        <translation>Anteckningar för programteamet (sparas krypterat; aldrig i dossierer)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Ändringshistorik</translation>
    </message>
    <message>
        <source>Show the first field that needs fixing</source>
        <translation>Visa det första fältet som behöver rättas</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Ångra ändringar</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Spara (Ctrl+S)</translation>
    </message>
    <message>
        <source>Pick a country from the list.</source>
        <translation>Välj ett land i listan.</translation>
    </message>
    <message>
        <source>Another candidate already has this username.</source>
        <translation>En annan kandidat har redan det här användarnamnet.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <source>Willing to relocate for an on-site placement</source>
        <translation>Kan flytta för en placering på plats</translation>
    </message>
    <message>
        <source>Will not relocate</source>
        <translation>Vill inte flytta</translation>
    </message>
    <message>
        <source>Training is recorded once the candidate is saved.</source>
        <translation>Utbildning registreras när kandidaten har sparats.</translation>
    </message>
    <message>
        <source>Edit progress on the Training screen.</source>
        <translation>Redigera framstegen i vyn Utbildning.</translation>
    </message>
    <message>
        <source>Pick a language from the list first.</source>
        <translation>Välj först ett språk i listan.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>A1</source>
        <translation>A1</translation>
    </message>
    <message>
        <source>A2</source>
        <translation>A2</translation>
    </message>
    <message>
        <source>B1</source>
        <translation>B1</translation>
    </message>
    <message>
        <source>B2</source>
        <translation>B2</translation>
    </message>
    <message>
        <source>C1</source>
        <translation>C1</translation>
    </message>
    <message>
        <source>C2</source>
        <translation>C2</translation>
    </message>
    <message>
        <source>native</source>
        <translation>modersmål</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Grundläggande</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Medel</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancerad</translation>
    </message>
    <message>
        <source>Training complete: all {n} mandatory modules done.</source>
        <translation>Utbildningen är avklarad: alla {n} obligatoriska moduler är klara.</translation>
    </message>
    <message>
        <source>{done} of {n} mandatory modules completed.</source>
        <translation>{done} av {n} obligatoriska moduler avklarade.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(inget namn)</translation>
    </message>
    <message>
        <source>“{name}” is not in the list: pick one, or Add affiliate to add it.</source>
        <translation>”{name}” finns inte i listan: välj en, eller lägg till den med Lägg till ny.</translation>
    </message>
    <message>
        <source>Go to {tab}</source>
        <translation>Gå till {tab}</translation>
    </message>
    <message>
        <source>{tab}: {problems}</source>
        <translation>{tab}: {problems}</translation>
    </message>
    <message>
        <source>Use a date like 2026-09-01.</source>
        <translation>Ange ett datum som 2026-09-01.</translation>
    </message>
    <message>
        <source>Add affiliate</source>
        <translation>Lägg till ny</translation>
    </message>
    <message>
        <source>Add the affiliate typed here to the list</source>
        <translation>Lägg till den anslutna organisation som skrivits här i listan</translation>
    </message>
    <message>
        <source>Use a whole number.</source>
        <translation>Ange ett heltal.</translation>
    </message>
</context>
<context>
    <name>CandidateFilterBar</name>
    <message>
        <source>Stage filter</source>
        <translation>Filter för fas</translation>
    </message>
    <message>
        <source>Country or region filter</source>
        <translation>Filter för land eller region</translation>
    </message>
    <message>
        <source>Language filter</source>
        <translation>Filter för språk</translation>
    </message>
    <message>
        <source>Minimum language level</source>
        <translation>Lägsta språknivå</translation>
    </message>
    <message>
        <source>Platform skill filter</source>
        <translation>Filter för plattformskunskap</translation>
    </message>
    <message>
        <source>Minimum skill level</source>
        <translation>Lägsta kunskapsnivå</translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation>Filter för ämnesområde</translation>
    </message>
    <message>
        <source>Training complete</source>
        <translation>Utbildning avklarad</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Rensa filter</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alla faser</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Alla platser</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Alla språk</translation>
    </message>
    <message>
        <source>Any skill</source>
        <translation>Alla kunskaper</translation>
    </message>
    <message>
        <source>Any topic</source>
        <translation>Alla ämnen</translation>
    </message>
</context>
<context>
    <name>CandidateTable</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fas</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Affiliate</source>
        <translation>Ansluten organisation</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
</context>
<context>
    <name>CandidatesView</name>
    <message>
        <source>Search name, username, e-mail or affiliate (Ctrl+F)</source>
        <translation>Sök namn, användarnamn, e-post eller ansluten organisation (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search candidates</source>
        <translation>Sök kandidater</translation>
    </message>
    <message>
        <source>&amp;New candidate</source>
        <translation>&amp;Ny kandidat</translation>
    </message>
    <message>
        <source>Add a candidate (Ctrl+N)</source>
        <translation>Lägg till en kandidat (Ctrl+N)</translation>
    </message>
    <message>
        <source>Change &amp;stage</source>
        <translation>Ändra &amp;fas</translation>
    </message>
    <message>
        <source>Move the selected candidates to another stage</source>
        <translation>Flytta de markerade kandidaterna till en annan fas</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Delete the selected candidates (Del)</source>
        <translation>Ta bort de markerade kandidaterna (Del)</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidater</translation>
    </message>
    <message>
        <source>Loading candidates…</source>
        <translation>Läser in kandidater…</translation>
    </message>
    <message>
        <source>The list could not be brought up to date: {reason}</source>
        <translation>Listan kunde inte uppdateras: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s)</source>
        <translation>
            <numerusform>%Ln kandidat</numerusform>
            <numerusform>%Ln kandidater</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln candidate(s)</source>
        <translation>
            <numerusform>{shown} av %Ln kandidat</numerusform>
            <numerusform>{shown} av %Ln kandidater</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the changes to this candidate?</source>
        <translation>Vill du spara ändringarna för den här kandidaten?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <source>Added the affiliate “{name}”.</source>
        <translation>Lade till den anslutna organisationen ”{name}”.</translation>
    </message>
    <message>
        <source>“{name}” is in the list already: picked it.</source>
        <translation>”{name}” finns redan i listan: den är vald.</translation>
    </message>
    <message>
        <source>Delete {name} ({username}) with their languages, training records and shortlist entries? This cannot be undone.</source>
        <translation>Ta bort {name} ({username}) med språk, utbildningsuppgifter och poster på kortlistor? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Delete {n} candidates with their languages, training records and shortlist entries? This cannot be undone.</source>
        <translation>Ta bort {n} kandidater med deras språk, utbildningsuppgifter och poster på kortlistor? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s) deleted.</source>
        <translation>
            <numerusform>%Ln kandidat togs bort.</numerusform>
            <numerusform>%Ln kandidater togs bort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s) moved to “{stage}”.</source>
        <translation>
            <numerusform>%Ln kandidat flyttades till ”{stage}”.</numerusform>
            <numerusform>%Ln kandidater flyttades till ”{stage}”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change stage</source>
        <translation>Ändra fas</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Ta bort…</translation>
    </message>
    <message>
        <source>Erase permanently (right to erasure)…</source>
        <translation>Radera permanent (rätten att bli raderad)…</translation>
    </message>
    <message>
        <source>Verify on the wikis</source>
        <translation>Verifiera på wikierna</translation>
    </message>
    <message>
        <source>Timeline…</source>
        <translation>Tidslinje…</translation>
    </message>
    <message>
        <source>Erased.</source>
        <translation>Raderad.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Byt lösenfras</translation>
    </message>
    <message>
        <source>The whole file is re-encrypted under the new passphrase. Backups made earlier keep the old one.</source>
        <translation>Hela filen krypteras om med den nya lösenfrasen. Säkerhetskopior som gjorts tidigare behåller den gamla.</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Ny lösenfras:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Upprepa:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De två lösenfraserna är olika.</translation>
    </message>
    <message>
        <source>Waiting for the work running in the background (an import, a backup …) to finish; the passphrase is changed as soon as it has.</source>
        <translation>Väntar på att arbetet som pågår i bakgrunden (en import, en säkerhetskopia …) ska bli klart; lösenfrasen ändras så snart det är det.</translation>
    </message>
</context>
<context>
    <name>CheckinKind</name>
    <message>
        <source>Monthly check-in</source>
        <translation>Månadsavstämning</translation>
    </message>
    <message>
        <source>Mid-term report</source>
        <translation>Halvtidsrapport</translation>
    </message>
    <message>
        <source>Final report</source>
        <translation>Slutrapport</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>Save them before moving on?</source>
        <translation>Vill du spara dem innan du går vidare?</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Ändrad av någon annan</translation>
    </message>
    <message>
        <source>Reload shows their version and drops your changes; Keep my version saves yours over theirs.</source>
        <translation>Läs in igen visar deras version och slänger dina ändringar; Behåll min version sparar din över deras.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Läs in igen</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>Behåll min version</translation>
    </message>
    <message>
        <source>This screen has unsaved changes.</source>
        <translation>Den här skärmen har ändringar som inte är sparade.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a team server</source>
        <translation>Anslut till en teamserver</translation>
    </message>
    <message>
        <source>A team server keeps one shared database on PostgreSQL. Ask the programme&apos;s admin for the address and your login.</source>
        <translation>En teamserver har en gemensam databas i PostgreSQL. Be programmets administratör om adressen och ditt användarnamn.</translation>
    </message>
    <message>
        <source>New server</source>
        <translation>Ny server</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>&amp;Senaste:</translation>
    </message>
    <message>
        <source>db.example.org</source>
        <translation>db.example.org</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Värd:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Databas:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>Verified TLS (verify-full)</source>
        <translation>Verifierad TLS (verify-full)</translation>
    </message>
    <message>
        <source>No TLS (only for a server on this computer)</source>
        <translation>Ingen TLS (bara för en server på den här datorn)</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>systemets certifikatutfärdare</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-fil:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Löse&amp;nord:</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Kom ihåg lösenordet på den här datorn</translation>
    </message>
    <message>
        <source>The password cannot be remembered here: this computer has no secure keyring (GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager).</source>
        <translation>Lösenordet kan inte sparas här: datorn har ingen säker nyckelring (GNOME Keyring, KWallet, macOS Nyckelring eller Windows Autentiseringshanteraren).</translation>
    </message>
    <message>
        <source>Other options…</source>
        <translation>Fler alternativ…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Anslut</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certifikat (*.pem *.crt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Type the server&apos;s host name (localhost for this computer).</source>
        <translation>Skriv serverns värdnamn (localhost för den här datorn).</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535 (usually 5432).</source>
        <translation>Porten är ett tal från 1 till 65535 (oftast 5432).</translation>
    </message>
    <message>
        <source>Type the name of the database on the server.</source>
        <translation>Skriv namnet på databasen på servern.</translation>
    </message>
    <message>
        <source>Type your login on the server.</source>
        <translation>Skriv ditt användarnamn på servern.</translation>
    </message>
    <message>
        <source>The connection to {host} would not be verified TLS, so passwords and candidate data could be read or changed on the way; choose “Verified TLS” under TLS, or ask the server&apos;s administrator to turn TLS on if it is off.</source>
        <translation>Anslutningen till {host} skulle inte vara verifierad TLS, så lösenord och kandidatuppgifter skulle kunna läsas eller ändras på vägen; välj “Verifierad TLS” under TLS, eller be serverns administratör att slå på TLS om den är avstängd.</translation>
    </message>
    <message>
        <source>The server at {host} did not complete a verified TLS connection; choose the server&apos;s CA certificate under CA file, or ask the server&apos;s administrator to turn TLS on or for that certificate.</source>
        <translation>Servern på {host} slutförde ingen verifierad TLS-anslutning; välj serverns CA-certifikat under CA-fil, eller be serverns administratör att slå på TLS eller om det certifikatet.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
    <message>
        <source>Connecting to {host}…</source>
        <translation>Ansluter till {host}…</translation>
    </message>
    <message>
        <source>Connecting failed because of an internal error ({kind}). Details for support are in {path}.</source>
        <translation>Anslutningen misslyckades på grund av ett internt fel ({kind}). Detaljer för support finns i {path}.</translation>
    </message>
    <message>
        <source>The server wants a password for {user}; type it.</source>
        <translation>Servern vill ha ett lösenord för {user}; skriv det.</translation>
    </message>
    <message>
        <source>WiR Manager is locked. Type your password to connect again.</source>
        <translation>WiR Manager är låst. Skriv ditt lösenord för att ansluta igen.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>not set</source>
        <translation>inte angivet</translation>
    </message>
    <message>
        <source>Type a date as YYYY-MM-DD, or pick one from the calendar.</source>
        <translation>Skriv ett datum som ÅÅÅÅ-MM-DD, eller välj det i kalendern.</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Välj datum</translation>
    </message>
</context>
<context>
    <name>DeclineReason</name>
    <message>
        <source>Profile does not fit</source>
        <translation>Profilen passar inte</translation>
    </message>
    <message>
        <source>Language skills</source>
        <translation>Språkkunskaper</translation>
    </message>
    <message>
        <source>Availability or dates</source>
        <translation>Tillgänglighet eller datum</translation>
    </message>
    <message>
        <source>Budget or funding</source>
        <translation>Budget eller finansiering</translation>
    </message>
    <message>
        <source>Position filled otherwise</source>
        <translation>Tjänsten tillsatt på annat sätt</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Annat skäl</translation>
    </message>
</context>
<context>
    <name>DossierAction</name>
    <message>
        <source>Generate dossier</source>
        <translation>Skapa dossier</translation>
    </message>
    <message>
        <source>Who receives this dossier? (printed on every page and kept in the disclosure log)</source>
        <translation>Vem tar emot dossiern? (skrivs ut på varje sida och sparas i utlämningsloggen)</translation>
    </message>
    <message>
        <source>Save dossier as</source>
        <translation>Spara dossier som</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Generating the dossier…</source>
        <translation>Skapar dossiern…</translation>
    </message>
    <message>
        <source>• {name}: {reason}</source>
        <translation>• {name}: {reason}</translation>
    </message>
    <message>
        <source>Dossier generated</source>
        <translation>Dossiern har skapats</translation>
    </message>
    <message>
        <source>Some shortlisted candidates were left out:
{lines}</source>
        <translation>Några kortlistade kandidater utelämnades:
{lines}</translation>
    </message>
    <message>
        <source>• Candidate {id}: {reason}</source>
        <translation>• Kandidat {id}: {reason}</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
</context>
<context>
    <name>Enums</name>
    <message>
        <source>Not started</source>
        <translation>Ej påbörjad</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Avklarad</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Ansökt</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>Granskad</translation>
    </message>
    <message>
        <source>In training</source>
        <translation>Under utbildning</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Föreslagen</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Placerad</translation>
    </message>
    <message>
        <source>Alumni</source>
        <translation>Alumn</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Avhoppad</translation>
    </message>
    <message>
        <source>Wikipedia</source>
        <translation>Wikipedia</translation>
    </message>
    <message>
        <source>Wikidata</source>
        <translation>Wikidata</translation>
    </message>
    <message>
        <source>Wikimedia Commons</source>
        <translation>Wikimedia Commons</translation>
    </message>
    <message>
        <source>Structured Data on Commons</source>
        <translation>Strukturerade data på Commons</translation>
    </message>
    <message>
        <source>Wikisource</source>
        <translation>Wikisource</translation>
    </message>
    <message>
        <source>Wikibase</source>
        <translation>Wikibase</translation>
    </message>
    <message>
        <source>Wikimedia Outreach</source>
        <translation>Wikimedia Outreach</translation>
    </message>
    <message>
        <source>Programs &amp; Events Dashboard</source>
        <translation>Programs &amp; Events Dashboard</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Climate change &amp; biodiversity</source>
        <translation>Klimatförändringar och biologisk mångfald</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Hälsa</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Utbildningsfrågor</translation>
    </message>
    <message>
        <source>Cultural heritage</source>
        <translation>Kulturarv</translation>
    </message>
    <message>
        <source>Human rights</source>
        <translation>Mänskliga rättigheter</translation>
    </message>
    <message>
        <source>Sustainable development goals</source>
        <translation>Globala målen för hållbar utveckling</translation>
    </message>
    <message>
        <source>Science</source>
        <translation>Vetenskap</translation>
    </message>
    <message>
        <source>Open access</source>
        <translation>Öppen tillgång</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase candidate</source>
        <translation>Radera kandidat</translation>
    </message>
    <message>
        <source>This removes the person with their languages, skills, training records, shortlist entries, placements and notes. The audit and disclosure logs keep only an anonymous placeholder. It cannot be undone; backups made earlier still contain the person.</source>
        <translation>Detta tar bort personen med språk, kunskaper, utbildningsuppgifter, poster på kortlistor, placeringar och anteckningar. Gransknings- och utlämningsloggarna behåller bara en anonym platshållare. Det går inte att ångra; säkerhetskopior som gjorts tidigare innehåller fortfarande personen.</translation>
    </message>
    <message>
        <source>Username to confirm the erasure</source>
        <translation>Användarnamn för att bekräfta raderingen</translation>
    </message>
    <message>
        <source>Type {text} to confirm:</source>
        <translation>Skriv {text} för att bekräfta:</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Radera för gott</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Raderad</translation>
    </message>
    <message>
        <source>Erasing and compacting the database…</source>
        <translation>Raderar och komprimerar databasen…</translation>
    </message>
    <message>
        <source>Erase {username} and everything about them?</source>
        <translation>Radera {username} och allt om personen?</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>WiR Manager user guide</source>
        <translation>Användarhandbok för WiR Manager</translation>
    </message>
    <message>
        <source>F&amp;ind in guide:</source>
        <translation>S&amp;ök i handboken:</translation>
    </message>
    <message>
        <source>Find in guide</source>
        <translation>Sök i handboken</translation>
    </message>
    <message>
        <source>Word or phrase, then Enter</source>
        <translation>Ord eller fras, tryck sedan Enter</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Innehåll</translation>
    </message>
    <message>
        <source>Guide text</source>
        <translation>Handbokens text</translation>
    </message>
</context>
<context>
    <name>ImpactDialog</name>
    <message>
        <source>Impact on the wikis</source>
        <translation>Genomslag på wikierna</translation>
    </message>
    <message>
        <source>Reading the resident&apos;s contributions…</source>
        <translation>Läser residentens bidrag…</translation>
    </message>
    <message>
        <source>What the wikis say</source>
        <translation>Vad wikierna säger</translation>
    </message>
    <message>
        <source>Outcome actuals to store (correct if needed)</source>
        <translation>Utfall att spara (rätta vid behov)</translation>
    </message>
    <message>
        <source>Accept as outcomes</source>
        <translation>Godta som utfall</translation>
    </message>
    <message>
        <source>Cancelled; nothing was stored.</source>
        <translation>Avbrutet; inget sparades.</translation>
    </message>
    <message>
        <source>{user} on {wikis}, {start} – {end}.</source>
        <translation>{user} på {wikis}, {start}–{end}.</translation>
    </message>
    <message>
        <source>Only the first contributions were counted (a very active account).</source>
        <translation>Bara de första bidragen räknades (ett mycket aktivt konto).</translation>
    </message>
    <message>
        <source>Stored now: {n}</source>
        <translation>Sparat nu: {n}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from a spreadsheet</source>
        <translation>Importera från ett kalkylblad</translation>
    </message>
    <message>
        <source>Choose an Excel workbook (.xlsx). Every row is checked first; nothing is written until you press Import.</source>
        <translation>Välj en Excel-arbetsbok (.xlsx). Varje rad kontrolleras först; inget skrivs förrän du trycker på Importera.</translation>
    </message>
    <message>
        <source>&amp;What to import:</source>
        <translation>&amp;Vad ska importeras:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ingen fil vald</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Välj fil…</translation>
    </message>
    <message>
        <source>Save &amp;template…</source>
        <translation>Spara &amp;mall…</translation>
    </message>
    <message>
        <source>Show only rows with &amp;problems</source>
        <translation>Visa bara rader med &amp;problem</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidater</translation>
    </message>
    <message>
        <source>Placement requests</source>
        <translation>Placeringsförfrågningar</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Ingen fil vald än.</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>Välj ett kalkylblad</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>Spara importmall</translation>
    </message>
    <message>
        <source>Choose a spreadsheet or text file (.xlsx, .ods, .xls, .csv) and say what its columns mean. Every row is checked first; nothing is written until you import.</source>
        <translation>Välj ett kalkylblad eller en textfil (.xlsx, .ods, .xls, .csv) och ange vad kolumnerna betyder. Varje rad kontrolleras först; inget skrivs förrän du importerar.</translation>
    </message>
    <message>
        <source>Training progress (Open edX, Moodle, Dashboard)</source>
        <translation>Utbildningsframsteg (Open edX, Moodle, Dashboard)</translation>
    </message>
    <message>
        <source>Import &amp;good rows…</source>
        <translation>Importera &amp;felfria rader…</translation>
    </message>
    <message>
        <source>Import the rows without problems and save the others, with what to fix, in a workbook you can import again.</source>
        <translation>Importera raderna utan problem och spara de andra, med vad som ska rättas, i en arbetsbok som du kan importera igen.</translation>
    </message>
    <message>
        <source>Choose an export of Open edX / WikiLearn, Moodle or the Programs &amp; Events Dashboard and say which of the programme&apos;s modules its items are. Every learner is checked first; nothing is written until you import.</source>
        <translation>Välj en export från Open edX / WikiLearn, Moodle eller Programs &amp; Events Dashboard och ange vilka av programmets moduler dess delar motsvarar. Varje deltagare kontrolleras först; inget skrivs förrän du importerar.</translation>
    </message>
    <message>
        <source>Choose a spreadsheet or text file (.xlsx, .ods, .xls, .csv) with one placement request per row, in the columns of the template. Every row is checked first; nothing is written until you import.</source>
        <translation>Välj ett kalkylblad eller en textfil (.xlsx, .ods, .xls, .csv) med en placeringsförfrågan per rad, i mallens kolumner. Varje rad kontrolleras först; inget skrivs förrän du importerar.</translation>
    </message>
    <message>
        <source>Spreadsheets and text files (*.xlsx *.ods *.xls *.csv *.txt *.tsv)</source>
        <translation>Kalkylark och textfiler (*.xlsx *.ods *.xls *.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Kontrollerar varje rad…</translation>
    </message>
    <message>
        <source>Checking was cancelled.</source>
        <translation>Kontrollen avbröts.</translation>
    </message>
    <message>
        <source>Checking the spreadsheet…</source>
        <translation>Kontrollerar kalkylbladet…</translation>
    </message>
    <message>
        <source>Read as an export of {platform}: its columns say so.</source>
        <translation>Läst som en export från {platform}: kolumnerna visar det.</translation>
    </message>
    <message>
        <source>Saved the mapping “{name}”.</source>
        <translation>Sparade mappningen ”{name}”.</translation>
    </message>
    <message>
        <source>Row {row}: updates {name}: {changes}</source>
        <translation>Rad {row}: uppdaterar {name}: {changes}</translation>
    </message>
    <message>
        <source>Save the rows with problems</source>
        <translation>Spara raderna med problem</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln training record(s) in one transaction.</source>
        <translation>
            <numerusform>Skrev %Ln utbildningspost i en transaktion.</numerusform>
            <numerusform>Skrev %Ln utbildningsposter i en transaktion.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s) now ready.</source>
        <translation>
            <numerusform>%Ln kandidat är nu redo.</numerusform>
            <numerusform>%Ln kandidater är nu redo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import despite warnings?</source>
        <translation>Importera trots varningar?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with warnings (for example a name very like an existing candidate&apos;s).</source>
        <translation>
            <numerusform>%Ln rad har varningar (till exempel ett namn som liknar en befintlig kandidats mycket).</numerusform>
            <numerusform>%Ln rader har varningar (till exempel ett namn som liknar en befintlig kandidats mycket).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import all %Ln record(s) anyway?</source>
        <translation>
            <numerusform>Importera ändå %Ln post?</numerusform>
            <numerusform>Importera ändå alla %Ln poster?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln record(s) in one transaction.</source>
        <translation>
            <numerusform>Importerade %Ln post i en transaktion.</numerusform>
            <numerusform>Importerade %Ln poster i en transaktion.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Importen avbröts; inget skrevs.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importerar…</translation>
    </message>
</context>
<context>
    <name>Importance</name>
    <message>
        <source>Required</source>
        <translation>Krav</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>Önskvärd</translation>
    </message>
    <message>
        <source>Nice to have</source>
        <translation>Meriterande</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>On the platform</source>
        <translation>På plattformen</translation>
    </message>
    <message>
        <source>Programme module</source>
        <translation>Programmets modul</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(används inte)</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>WiR Manager will use the new language the next time it starts.</source>
        <translation>WiR Manager använder det nya språket nästa gång programmet startar.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Applies the next time WiR Manager starts</source>
        <translation>Gäller från nästa gång WiR Manager startar</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemets språk</translation>
    </message>
</context>
<context>
    <name>LearnersModel</name>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>On the platform</source>
        <translation>På plattformen</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Matchad</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>by username</source>
        <translation>på användarnamn</translation>
    </message>
    <message>
        <source>by e-mail</source>
        <translation>på e-post</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>hittades inte</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>tvetydig</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WiR Manager</source>
        <translation>WiR Manager</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Vyer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Import candidates…</source>
        <translation>&amp;Importera kandidater…</translation>
    </message>
    <message>
        <source>Add or update candidates from a spreadsheet (.xlsx, .ods, .xls or .csv), checked row by row before anything is saved</source>
        <translation>Lägg till eller uppdatera kandidater från ett kalkylblad (.xlsx, .ods, .xls eller .csv), kontrollerat rad för rad innan något sparas</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import placement &amp;requests…</source>
        <translation>Importera &amp;placeringsförfrågningar…</translation>
    </message>
    <message>
        <source>Import &amp;training progress…</source>
        <translation>Importera utbil&amp;dningsframsteg…</translation>
    </message>
    <message>
        <source>Completions from Open edX / WikiLearn, Moodle or the Programs &amp; Events Dashboard, matched to candidates by username or e-mail</source>
        <translation>Slutförda moduler från Open edX / WikiLearn, Moodle eller Programs &amp; Events Dashboard, matchade mot kandidater via användarnamn eller e-post</translation>
    </message>
    <message>
        <source>&amp;Export candidates…</source>
        <translation>&amp;Exportera kandidater…</translation>
    </message>
    <message>
        <source>Write every candidate to an .xlsx spreadsheet (unencrypted: keep it safe)</source>
        <translation>Skriv alla kandidater till ett .xlsx-kalkylblad (okrypterat: förvara det säkert)</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export training &amp;progress…</source>
        <translation>Exportera &amp;utbildningsframsteg…</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Ny</translation>
    </message>
    <message>
        <source>Add a new record on the current screen</source>
        <translation>Lägg till en ny post i den aktuella vyn</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>Close the database and forget its key until the passphrase is entered again</source>
        <translation>Stäng databasen och glöm nyckeln tills lösenfrasen anges igen</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Change passphrase…</source>
        <translation>&amp;Byt lösenfras…</translation>
    </message>
    <message>
        <source>&amp;Auto-lock…</source>
        <translation>Au&amp;tomatisk låsning…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>S&amp;ök</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Användarhandbok</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;Tour of the screens</source>
        <translation>&amp;Visning av skärmarna</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>&amp;About WiR Manager</source>
        <translation>&amp;Om WiR Manager</translation>
    </message>
    <message>
        <source>{app} — team server</source>
        <translation>{app} — teamserver</translation>
    </message>
    <message>
        <source>{app} — snapshot of {source} (read-only)</source>
        <translation>{app} — ögonblicksbild av {source} (skrivskyddad)</translation>
    </message>
    <message>
        <source>{app} — snapshot of {source}</source>
        <translation>{app} — ögonblicksbild av {source}</translation>
    </message>
    <message>
        <source>{title} (Ctrl+{n})</source>
        <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>Export to a spreadsheet</source>
        <translation>Exportera till ett kalkylblad</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln imported.</source>
        <translation>
            <numerusform>%Ln importerad.</numerusform>
            <numerusform>%Ln importerade.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to {path}.</source>
        <translation>
            <numerusform>%Ln rad skrevs till {path}.</numerusform>
            <numerusform>%Ln rader skrevs till {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the spreadsheet…</source>
        <translation>Skriver kalkylbladet…</translation>
    </message>
    <message>
        <source>This screen is not part of this version of WiR Manager yet.</source>
        <translation>Den här vyn finns inte i den här versionen av WiR Manager än.</translation>
    </message>
    <message>
        <source>This screen could not be opened because of an internal error. Details for support are in {path}.</source>
        <translation>Vyn kunde inte öppnas på grund av ett internt fel. Detaljer för support finns i {path}.</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>Teamserver</translation>
    </message>
    <message>
        <source>Signed in as {login}</source>
        <translation>Inloggad som {login}</translation>
    </message>
    <message>
        <source>The server records this login as the author of every change.</source>
        <translation>Servern registrerar det här användarnamnet som upphov till varje ändring.</translation>
    </message>
    <message>
        <source>Database file: {path}</source>
        <translation>Databasfil: {path}</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>Operatör: {name}</translation>
    </message>
    <message>
        <source>Your changes are signed with this name in the history.</source>
        <translation>Dina ändringar signeras med det här namnet i historiken.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>The database is closed and its key forgotten.</source>
        <translation>Databasen är stängd och nyckeln bortglömd.</translation>
    </message>
    <message>
        <source>Unlocked · auto-lock {m} min</source>
        <translation>Upplåst · låses automatiskt efter {m} min</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Upplåst</translation>
    </message>
    <message>
        <source>Ctrl+L locks the database now.</source>
        <translation>Ctrl+L låser databasen direkt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s)</source>
        <translation>
            <numerusform>%Ln kandidat</numerusform>
            <numerusform>%Ln kandidater</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln förfrågan</numerusform>
            <numerusform>%Ln förfrågningar</numerusform>
        </translation>
    </message>
    <message>
        <source>Auto-lock postponed: save or discard your changes first.</source>
        <translation>Automatisk låsning uppskjuten: spara eller ångra dina ändringar först.</translation>
    </message>
    <message>
        <source>WiR Manager is locked. Enter the passphrase to continue.</source>
        <translation>WiR Manager är låst. Ange lösenfrasen för att fortsätta.</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Automatisk låsning</translation>
    </message>
    <message>
        <source>Lock the database after this many idle minutes (0 = never):</source>
        <translation>Lås databasen efter så här många minuter utan aktivitet (0 = aldrig):</translation>
    </message>
    <message>
        <source>WiR Manager help</source>
        <translation>Hjälp för WiR Manager</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Switch screen</source>
        <translation>Byt vy</translation>
    </message>
    <message>
        <source>The language changes the next time WiR Manager starts.</source>
        <translation>Språket byts nästa gång WiR Manager startar.</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>Column in the file</source>
        <translation>Kolumn i filen</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Exempel</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Betyder</translation>
    </message>
    <message>
        <source>{label} (unsure)</source>
        <translation>{label} (osäker)</translation>
    </message>
    <message>
        <source>Only a guess from the header; check it, or pick another meaning.</source>
        <translation>Bara en gissning utifrån rubriken; kontrollera den eller välj en annan betydelse.</translation>
    </message>
</context>
<context>
    <name>MappingPanel</name>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Teckenkodning:</translation>
    </message>
    <message>
        <source>&amp;Separated by:</source>
        <translation>&amp;Avgränsad med:</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>Känn av från filen</translation>
    </message>
    <message>
        <source>Saved &amp;mapping:</source>
        <translation>Sparad &amp;mappning:</translation>
    </message>
    <message>
        <source>Name, e.g. “Autumn form”</source>
        <translation>Namn, t.ex. ”Höstformuläret”</translation>
    </message>
    <message>
        <source>Save m&amp;apping</source>
        <translation>Spara m&amp;appning</translation>
    </message>
    <message>
        <source>&amp;Update people already in the database (matched by username, else e-mail)</source>
        <translation>&amp;Uppdatera personer som redan finns i databasen (matchas på användarnamn, annars e-post)</translation>
    </message>
    <message>
        <source>&amp;Blank cells erase values</source>
        <translation>&amp;Tomma celler raderar värden</translation>
    </message>
    <message>
        <source>(suggested from the headers)</source>
        <translation>(föreslagen utifrån rubrikerna)</translation>
    </message>
    <message>
        <source>Every date in the file could be day/month or month/day: choose the order.</source>
        <translation>Varje datum i filen kan vara dag/månad eller månad/dag: välj ordningen.</translation>
    </message>
</context>
<context>
    <name>ModuleEditor</name>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>New module</source>
        <translation>Ny modul</translation>
    </message>
    <message>
        <source>Add module</source>
        <translation>Lägg till modul</translation>
    </message>
    <message>
        <source>A training module needs a title.</source>
        <translation>En utbildningsmodul behöver en titel.</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivning</translation>
    </message>
    <message>
        <source>&amp;Mandatory for “ready”</source>
        <translation>&amp;Obligatorisk för ”redo”</translation>
    </message>
    <message>
        <source>Uncheck to retire the module: it leaves the grid, and what people completed stays recorded.</source>
        <translation>Avmarkera för att pensionera modulen: den försvinner ur rutnätet, och det som personerna har avklarat finns kvar.</translation>
    </message>
    <message>
        <source>A&amp;ctive</source>
        <translation>A&amp;ktiv</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Save module</source>
        <translation>Spara modul</translation>
    </message>
</context>
<context>
    <name>ModuleListModel</name>
    <message>
        <source>{title} (retired)</source>
        <translation>{title} (pensionerad)</translation>
    </message>
    <message>
        <source>{title} (optional)</source>
        <translation>{title} (valfri)</translation>
    </message>
</context>
<context>
    <name>OutcomeMetric</name>
    <message>
        <source>Articles created</source>
        <translation>Skapade artiklar</translation>
    </message>
    <message>
        <source>Articles improved</source>
        <translation>Förbättrade artiklar</translation>
    </message>
    <message>
        <source>Media files uploaded</source>
        <translation>Uppladdade mediefiler</translation>
    </message>
    <message>
        <source>Wikidata items created or edited</source>
        <translation>Skapade eller redigerade Wikidata-objekt</translation>
    </message>
    <message>
        <source>Events held</source>
        <translation>Genomförda evenemang</translation>
    </message>
    <message>
        <source>People trained</source>
        <translation>Utbildade personer</translation>
    </message>
    <message>
        <source>IGO staff trained</source>
        <translation>Utbildad IGO-personal</translation>
    </message>
    <message>
        <source>Content pageviews</source>
        <translation>Sidvisningar av innehållet</translation>
    </message>
    <message>
        <source>Licences changed to an open licence</source>
        <translation>Licenser ändrade till en öppen licens</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>The passphrase cannot be remembered here: this computer has no secure keyring (GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager).</source>
        <translation>Lösenfrasen kan inte sparas här: datorn har ingen säker nyckelring (GNOME Keyring, KWallet, macOS-nyckelringen eller Windows Autentiseringshanteraren).</translation>
    </message>
    <message>
        <source>Too easy to guess: it is a common password or word. Use three or four unrelated words.</source>
        <translation>För lätt att gissa: det är ett vanligt lösenord eller ord. Använd tre eller fyra orelaterade ord.</translation>
    </message>
    <message>
        <source>Too easy to guess: names (yours too) are tried first. Add unrelated words.</source>
        <translation>För lätt att gissa: namn (även ditt) prövas först. Lägg till orelaterade ord.</translation>
    </message>
    <message>
        <source>Too easy to guess: keyboard rows, sequences and repeats are tried first. Use unrelated words instead.</source>
        <translation>För lätt att gissa: tangentrader, följder och upprepningar prövas först. Använd orelaterade ord i stället.</translation>
    </message>
    <message>
        <source>Too easy to guess: dates and years are tried first. Use unrelated words instead.</source>
        <translation>För lätt att gissa: datum och årtal prövas först. Använd orelaterade ord i stället.</translation>
    </message>
    <message>
        <source>Too easy to guess: add another word or two.</source>
        <translation>För lätt att gissa: lägg till ett eller två ord till.</translation>
    </message>
    <message>
        <source>Good enough; one more word would make it strong.</source>
        <translation>Godtagbar; ett ord till skulle göra den stark.</translation>
    </message>
    <message>
        <source>Strong passphrase.</source>
        <translation>Stark lösenfras.</translation>
    </message>
    <message>
        <source>Too short: use at least {n} characters.</source>
        <translation>För kort: använd minst {n} tecken.</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>{title} is not available</source>
        <translation>{title} är inte tillgänglig</translation>
    </message>
</context>
<context>
    <name>PlacementForm</name>
    <message>
        <source>New placement</source>
        <translation>Ny placering</translation>
    </message>
    <message>
        <source>Placement details</source>
        <translation>Placeringens uppgifter</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>&amp;Startdatum:</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>S&amp;lutdatum:</translation>
    </message>
    <message>
        <source>Share of &amp;full time:</source>
        <translation>Andel av &amp;heltid:</translation>
    </message>
    <message>
        <source>&amp;Work mode:</source>
        <translation>&amp;Arbetsform:</translation>
    </message>
    <message>
        <source>Duty &amp;city:</source>
        <translation>Tjänstgörings&amp;ort:</translation>
    </message>
    <message>
        <source>Duty c&amp;ountry:</source>
        <translation>Tjänstgörings&amp;land:</translation>
    </message>
    <message>
        <source>Chapter&apos;s &amp;mentor:</source>
        <translation>Föreningens &amp;mentor:</translation>
    </message>
    <message>
        <source>IGO liaison</source>
        <translation>Kontaktperson hos organisationen</translation>
    </message>
    <message>
        <source>A new contact (type below)</source>
        <translation>En ny kontakt (skriv nedan)</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Kontakt:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Roll:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;post:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>&amp;Host affiliate:</source>
        <translation>&amp;Värdförening:</translation>
    </message>
    <message>
        <source>Fiscal s&amp;ponsor:</source>
        <translation>Ekonomisk &amp;huvudman:</translation>
    </message>
    <message>
        <source>Funding so&amp;urce:</source>
        <translation>Finansierings&amp;källa:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>SEK</translation>
    </message>
    <message>
        <source>Currency (ISO code)</source>
        <translation>Valuta (ISO-kod)</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Belopp:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Anteckningar:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>&amp;Plan placement</source>
        <translation>&amp;Planera placering</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
</context>
<context>
    <name>PlacementStatus</name>
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
        <translation>Avklarad</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Avslutad i förtid</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Inställd</translation>
    </message>
</context>
<context>
    <name>PlacementTables</name>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>försenad</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fas</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <source>Shortlist</source>
        <translation>Kortlista</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>IGO answer</source>
        <translation>Organisationens svar</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Placering</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Avstämning</translation>
    </message>
    <message>
        <source>Contact note</source>
        <translation>Kontaktanteckning</translation>
    </message>
    <message>
        <source>erased person</source>
        <translation>raderad person</translation>
    </message>
</context>
<context>
    <name>PlacementsView</name>
    <message>
        <source>Residencies</source>
        <translation>Residens</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programmet</translation>
    </message>
    <message>
        <source>Search resident or organisation</source>
        <translation>Sök resident eller organisation</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Planned or active</source>
        <translation>Planerade eller pågående</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Placeringar</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starta</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>S&amp;lutför</translation>
    </message>
    <message>
        <source>&amp;End early…</source>
        <translation>&amp;Avsluta i förtid…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel…</source>
        <translation>Ställ &amp;in…</translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation>&amp;Förläng…</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Uppgifter…</translation>
    </message>
    <message>
        <source>Placement &amp;report…</source>
        <translation>Placerings&amp;rapport…</translation>
    </message>
    <message>
        <source>Check-ins and reports</source>
        <translation>Avstämningar och rapporter</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Mark &amp;done today</source>
        <translation>Markera som &amp;klar i dag</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Inte klar</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Flytta…</translation>
    </message>
    <message>
        <source>N&amp;ote…</source>
        <translation>A&amp;nteckning…</translation>
    </message>
    <message>
        <source>&amp;Add report…</source>
        <translation>&amp;Lägg till rapport…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Kind of report to add</source>
        <translation>Vilken sorts rapport som läggs till</translation>
    </message>
    <message>
        <source>&amp;Actuals of:</source>
        <translation>&amp;Utfall för:</translation>
    </message>
    <message>
        <source>Another metric, e.g. podcast episodes</source>
        <translation>Ett annat mått, t.ex. poddavsnitt</translation>
    </message>
    <message>
        <source>Add &amp;metric</source>
        <translation>Lägg till &amp;mått</translation>
    </message>
    <message>
        <source>Save &amp;outcomes</source>
        <translation>Spara &amp;resultat</translation>
    </message>
    <message>
        <source>From the &amp;wikis…</source>
        <translation>Från &amp;wikierna…</translation>
    </message>
    <message>
        <source>Count the resident&apos;s contributions on the wikis during the placement and offer them as actuals to accept or correct</source>
        <translation>Räkna residentens bidrag på wikierna under placeringen och föreslå dem som utfall att godta eller rätta</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>Show &amp;figures</source>
        <translation>Visa &amp;siffror</translation>
    </message>
    <message>
        <source>&amp;Programme report…</source>
        <translation>&amp;Programrapport…</translation>
    </message>
    <message>
        <source>Pipeline: people at each stage or beyond</source>
        <translation>Flödet: personer i varje fas eller längre</translation>
    </message>
    <message>
        <source>Placements per organisation</source>
        <translation>Placeringar per organisation</translation>
    </message>
    <message>
        <source>Placements per UN region</source>
        <translation>Placeringar per FN-region</translation>
    </message>
    <message>
        <source>Outcomes against targets</source>
        <translation>Resultat mot mål</translation>
    </message>
    <message numerus="yes">
        <source>%Ln placement(s)</source>
        <translation>
            <numerusform>%Ln placering</numerusform>
            <numerusform>%Ln placeringar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln placement(s)</source>
        <translation>
            <numerusform>{shown} av %Ln placering</numerusform>
            <numerusform>{shown} av %Ln placeringar</numerusform>
        </translation>
    </message>
    <message>
        <source>No placement yet: accept a candidate on a shortlist.</source>
        <translation>Ingen placering än: anta en kandidat på en kortlista.</translation>
    </message>
    <message>
        <source>{name} at {org}</source>
        <translation>{name} hos {org}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more entered with other reports.</source>
        <translation>
            <numerusform>%Ln till har angetts i andra rapporter.</numerusform>
            <numerusform>%Ln till har angetts i andra rapporter.</numerusform>
        </translation>
    </message>
    <message>
        <source>erased person</source>
        <translation>raderad person</translation>
    </message>
    <message>
        <source>{name} (no organisation)</source>
        <translation>{name} (ingen organisation)</translation>
    </message>
    <message>
        <source>Period: {start} – {end} · {status}</source>
        <translation>Period: {start} – {end} · {status}</translation>
    </message>
    <message>
        <source>Request: {title}</source>
        <translation>Förfrågan: {title}</translation>
    </message>
    <message>
        <source>Work mode: {mode} · {place}</source>
        <translation>Arbetsform: {mode} · {place}</translation>
    </message>
    <message>
        <source>Work mode: {mode}</source>
        <translation>Arbetsform: {mode}</translation>
    </message>
    <message>
        <source>IGO liaison: {name}</source>
        <translation>Kontaktperson på IGO:n: {name}</translation>
    </message>
    <message>
        <source>Mentor: {name}</source>
        <translation>Mentor: {name}</translation>
    </message>
    <message>
        <source>Host: {host}</source>
        <translation>Värd: {host}</translation>
    </message>
    <message>
        <source>Share of full time: {n} %</source>
        <translation>Andel av heltid: {n} %</translation>
    </message>
    <message>
        <source>Funding: {amount} ({source})</source>
        <translation>Finansiering: {amount} ({source})</translation>
    </message>
    <message>
        <source>Extended on {day}: {old} → {new}</source>
        <translation>Förlängd {day}: {old} → {new}</translation>
    </message>
    <message>
        <source>Reason: {text}</source>
        <translation>Skäl: {text}</translation>
    </message>
    <message>
        <source>Not tied to a report</source>
        <translation>Inte knutet till en rapport</translation>
    </message>
    <message>
        <source>{report} of {day}</source>
        <translation>{report} den {day}</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Mått</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Framsteg</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Progress: {metric}</source>
        <translation>Framsteg: {metric}</translation>
    </message>
    <message>
        <source>{actual} of {target}</source>
        <translation>{actual} av {target}</translation>
    </message>
    <message>
        <source>Target: {metric}</source>
        <translation>Mål: {metric}</translation>
    </message>
    <message>
        <source>Actual: {metric}</source>
        <translation>Utfall: {metric}</translation>
    </message>
    <message>
        <source>Remove the metric {metric}</source>
        <translation>Ta bort måttet {metric}</translation>
    </message>
    <message>
        <source>End early</source>
        <translation>Avsluta i förtid</translation>
    </message>
    <message>
        <source>Why did the placement end early?</source>
        <translation>Varför avslutades placeringen i förtid?</translation>
    </message>
    <message>
        <source>Cancel placement</source>
        <translation>Ställ in placeringen</translation>
    </message>
    <message>
        <source>Why is it cancelled?</source>
        <translation>Varför ställs den in?</translation>
    </message>
    <message>
        <source>Extend placement</source>
        <translation>Förläng placeringen</translation>
    </message>
    <message>
        <source>New end date:</source>
        <translation>Nytt slutdatum:</translation>
    </message>
    <message>
        <source>Move report</source>
        <translation>Flytta rapport</translation>
    </message>
    <message>
        <source>New due date:</source>
        <translation>Nytt förfallodatum:</translation>
    </message>
    <message>
        <source>Note on the report</source>
        <translation>Anteckning om rapporten</translation>
    </message>
    <message>
        <source>What was said or sent:</source>
        <translation>Vad som sades eller skickades:</translation>
    </message>
    <message>
        <source>Add report</source>
        <translation>Lägg till rapport</translation>
    </message>
    <message>
        <source>Due date of the {what}:</source>
        <translation>Förfallodatum för {what}:</translation>
    </message>
    <message>
        <source>Remove the {what} due {day}? Outcome values entered with it go too.</source>
        <translation>Ta bort {what} som förfaller {day}? Utfall som förts in med den tas också bort.</translation>
    </message>
    <message>
        <source>Remove the metric “{metric}” with its target and all its values?</source>
        <translation>Ta bort måttet ”{metric}” med dess mål och alla dess värden?</translation>
    </message>
    <message>
        <source>Metric “{metric}” removed.</source>
        <translation>Måttet ”{metric}” togs bort.</translation>
    </message>
    <message>
        <source>Outcomes saved.</source>
        <translation>Resultaten sparades.</translation>
    </message>
    <message>
        <source>Outcomes from the wikis saved.</source>
        <translation>Utfall från wikierna sparade.</translation>
    </message>
    <message>
        <source>The outcomes of this placement have unsaved changes.</source>
        <translation>Utfallen för den här placeringen har osparade ändringar.</translation>
    </message>
    <message>
        <source>{placements} placements in the period; {candidates} candidates. Median time from request to filled: {days}.</source>
        <translation>{placements} placeringar under perioden; {candidates} kandidater. Mediantid från förfrågan till tillsatt: {days}.</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} dagar</translation>
    </message>
    <message>
        <source>no request filled yet</source>
        <translation>ingen förfrågan tillsatt ännu</translation>
    </message>
    <message>
        <source>Placement report saved to {path}.</source>
        <translation>Placeringsrapporten sparades i {path}.</translation>
    </message>
    <message>
        <source>Writing the placement report…</source>
        <translation>Skriver placeringsrapporten…</translation>
    </message>
    <message>
        <source>Programme report saved to {path} ({n} placements).</source>
        <translation>Programrapporten sparades i {path} ({n} placeringar).</translation>
    </message>
    <message>
        <source>Writing the programme report…</source>
        <translation>Skriver programrapporten…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Kalkylblad (*.xlsx)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Spara rapport</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>Wikipedia</source>
        <translation>Wikipedia</translation>
    </message>
    <message>
        <source>Wikidata</source>
        <translation>Wikidata</translation>
    </message>
    <message>
        <source>Wikimedia Commons</source>
        <translation>Wikimedia Commons</translation>
    </message>
    <message>
        <source>Structured Data on Commons</source>
        <translation>Strukturerade data på Commons</translation>
    </message>
    <message>
        <source>Wikisource</source>
        <translation>Wikisource</translation>
    </message>
    <message>
        <source>Wikibase</source>
        <translation>Wikibase</translation>
    </message>
    <message>
        <source>Wikimedia Outreach</source>
        <translation>Wikimedia Outreach</translation>
    </message>
    <message>
        <source>Programs &amp; Events Dashboard</source>
        <translation>Programs &amp; Events Dashboard</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>Also active on %Ln other shortlist(s)</source>
        <translation>
            <numerusform>Även aktiv på %Ln annan kortlista</numerusform>
            <numerusform>Även aktiv på %Ln andra kortlistor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s)</source>
        <translation>
            <numerusform>%Ln kandidat</numerusform>
            <numerusform>%Ln kandidater</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyTables</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Samtycke givet</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Senaste ändring</translation>
    </message>
    <message>
        <source>Asked again</source>
        <translation>Tillfrågad igen</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Skapad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>created</source>
        <translation>skapad</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>ändrad</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>borttagen</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>raderad</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importerad</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exporterad</translation>
    </message>
    <message>
        <source>disclosed</source>
        <translation>utlämnad</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>genererad</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Placement request</source>
        <translation>Placeringsförfrågan</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Training module</source>
        <translation>Utbildningsmodul</translation>
    </message>
    <message>
        <source>Shortlist entry</source>
        <translation>Post på kortlista</translation>
    </message>
    <message>
        <source>Score weights</source>
        <translation>Poängvikter</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Placering</translation>
    </message>
    <message>
        <source>Affiliate</source>
        <translation>Förening</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Inställning</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodata</translation>
    </message>
    <message>
        <source>Dossier disclosure</source>
        <translation>Utlämnad dossier</translation>
    </message>
    <message>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <source>region</source>
        <translation>region</translation>
    </message>
    <message>
        <source>sub-region</source>
        <translation>delregion</translation>
    </message>
    <message>
        <source>affiliate</source>
        <translation>förening</translation>
    </message>
    <message>
        <source>note</source>
        <translation>anteckning</translation>
    </message>
    <message>
        <source>consent renewal asked</source>
        <translation>förnyat samtycke efterfrågat</translation>
    </message>
    <message>
        <source>training</source>
        <translation>utbildning</translation>
    </message>
    <message>
        <source>priority regions</source>
        <translation>prioriterade regioner</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beskrivning</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>duty city</source>
        <translation>tjänstgöringsort</translation>
    </message>
    <message>
        <source>duty country</source>
        <translation>tjänstgöringsland</translation>
    </message>
    <message>
        <source>work mode</source>
        <translation>arbetsform</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>startdatum</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>slutdatum</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>varaktighet</translation>
    </message>
    <message>
        <source>positions</source>
        <translation>platser</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>sista dag</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>acronym</source>
        <translation>förkortning</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>typ</translation>
    </message>
    <message>
        <source>website</source>
        <translation>webbplats</translation>
    </message>
    <message>
        <source>position</source>
        <translation>position</translation>
    </message>
    <message>
        <source>mandatory</source>
        <translation>obligatorisk</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>counts in training</source>
        <translation>räknas under utbildning</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>rang</translation>
    </message>
    <message>
        <source>score</source>
        <translation>poäng</translation>
    </message>
    <message>
        <source>score parts</source>
        <translation>poängdelar</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>vikter</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>weight profile</source>
        <translation>viktprofil</translation>
    </message>
    <message>
        <source>weight profile version</source>
        <translation>viktprofilens version</translation>
    </message>
    <message>
        <source>request</source>
        <translation>förfrågan</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>kandidat</translation>
    </message>
    <message>
        <source>module</source>
        <translation>modul</translation>
    </message>
    <message>
        <source>value</source>
        <translation>värde</translation>
    </message>
    <message>
        <source>key</source>
        <translation>nyckel</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>mottagare</translation>
    </message>
    <message>
        <source>candidates</source>
        <translation>kandidater</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>förfrågningar</translation>
    </message>
    <message>
        <source>file fingerprint</source>
        <translation>filens fingeravtryck</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Förfrågan</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Kontaktuppgifter</translation>
    </message>
    <message>
        <source>People in it</source>
        <translation>Personer i den</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>File fingerprint</source>
        <translation>Filens fingeravtryck</translation>
    </message>
    <message>
        <source>verified on the wikis</source>
        <translation>verifierad på wikierna</translation>
    </message>
    <message>
        <source>daily (automatic)</source>
        <translation>daglig (automatisk)</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>före en uppgradering</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>före en återställning</translation>
    </message>
    <message>
        <source>included</source>
        <translation>med</translation>
    </message>
    <message>
        <source>not included</source>
        <translation>inte med</translation>
    </message>
    <message>
        <source>consent too old</source>
        <translation>för gammalt samtycke</translation>
    </message>
    <message>
        <source>no consent recorded</source>
        <translation>inget registrerat samtycke</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
</context>
<context>
    <name>PrivacyView</name>
    <message>
        <source>Audit log</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <source>&amp;Record kind:</source>
        <translation>&amp;Posttyp:</translation>
    </message>
    <message>
        <source>Show changes to this kind of record</source>
        <translation>Visa ändringar av den här typen av post</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Operatör:</translation>
    </message>
    <message>
        <source>Show changes made by this person</source>
        <translation>Visa ändringar gjorda av den här personen</translation>
    </message>
    <message>
        <source>Record &amp;id:</source>
        <translation>Postens &amp;id:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alla</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Postens id</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>Read the audit log again</source>
        <translation>Läs in granskningsloggen igen</translation>
    </message>
    <message>
        <source>The audit log records who changed which record and which fields, and when — never the values.</source>
        <translation>Granskningsloggen registrerar vem som ändrade vilken post och vilka fält, och när – aldrig värdena.</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Gallring</translation>
    </message>
    <message>
        <source>Consent older than:</source>
        <translation>Samtycke äldre än:</translation>
    </message>
    <message>
        <source> months</source>
        <translation> månader</translation>
    </message>
    <message>
        <source>Consent period in months</source>
        <translation>Samtyckesperiod i månader</translation>
    </message>
    <message>
        <source>or no change for:</source>
        <translation>eller ingen ändring på:</translation>
    </message>
    <message>
        <source>Inactivity period in months</source>
        <translation>Inaktivitetsperiod i månader</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Kontrollera nu</translation>
    </message>
    <message>
        <source>List the candidates due under these periods (and remember the periods)</source>
        <translation>Lista kandidaterna som står på tur enligt de här perioderna (och kom ihåg perioderna)</translation>
    </message>
    <message>
        <source>Candidates due for consent renewal or erasure</source>
        <translation>Kandidater som står på tur för förnyat samtycke eller radering</translation>
    </message>
    <message>
        <source>&amp;Ask again…</source>
        <translation>&amp;Fråga igen…</translation>
    </message>
    <message>
        <source>Record that consent renewal was requested today for the selected candidates (or all listed)</source>
        <translation>Registrera att förnyat samtycke begärdes i dag för de markerade kandidaterna (eller alla i listan)</translation>
    </message>
    <message>
        <source>&amp;Erase…</source>
        <translation>&amp;Radera…</translation>
    </message>
    <message>
        <source>Erase the selected candidates (or all listed) for good</source>
        <translation>Radera de markerade kandidaterna (eller alla i listan) för gott</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Säkerhets&amp;kopiera nu</translation>
    </message>
    <message>
        <source>Write an encrypted, verified copy into the backups folder</source>
        <translation>Skriv en krypterad, verifierad kopia till mappen för säkerhetskopior</translation>
    </message>
    <message>
        <source>&amp;Restore selected…</source>
        <translation>Åter&amp;ställ markerad…</translation>
    </message>
    <message>
        <source>Replace the database with the selected backup</source>
        <translation>Ersätt databasen med den markerade säkerhetskopian</translation>
    </message>
    <message>
        <source>Restore from &amp;file…</source>
        <translation>Återställ från &amp;fil…</translation>
    </message>
    <message>
        <source>Replace the database with a backup file from elsewhere</source>
        <translation>Ersätt databasen med en säkerhetskopia från en annan plats</translation>
    </message>
    <message>
        <source>Daily backups to &amp;keep:</source>
        <translation>Dagliga säkerhetskopior att &amp;behålla:</translation>
    </message>
    <message>
        <source>Number of automatic daily backups to keep</source>
        <translation>Antal automatiska dagliga säkerhetskopior att behålla</translation>
    </message>
    <message numerus="yes">
        <source>The backup has %Ln fewer candidate(s) than the current database.</source>
        <translation>
            <numerusform>Säkerhetskopian har %Ln kandidat färre än den nuvarande databasen.</numerusform>
            <numerusform>Säkerhetskopian har %Ln kandidater färre än den nuvarande databasen.</numerusform>
        </translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Alla poster</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Nobody is due under these periods.</source>
        <translation>Ingen står på tur enligt de här perioderna.</translation>
    </message>
    <message>
        <source>Backups are encrypted with the same passphrase as the database and checked after writing. They are kept in {folder}.</source>
        <translation>Säkerhetskopior krypteras med samma lösenfras som databasen och kontrolleras efter att de skrivits. De sparas i {folder}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s) due: ask them to renew their consent, or erase them.</source>
        <translation>
            <numerusform>%Ln kandidat är aktuell: be om förnyat samtycke eller radera.</numerusform>
            <numerusform>%Ln kandidater är aktuella: be dem förnya sitt samtycke eller radera dem.</numerusform>
        </translation>
    </message>
    <message>
        <source>Data subject</source>
        <translation>Registrerad person</translation>
    </message>
    <message>
        <source>This is a team server: its backups are made on the server with pg_dump by its admin (see the README), not by this app.</source>
        <translation>Det här är en teamserver: dess säkerhetskopior görs på servern med pg_dump av dess administratör (se README), inte av den här appen.</translation>
    </message>
    <message numerus="yes">
        <source>Recorded a consent renewal request for %Ln candidate(s) today.</source>
        <translation>
            <numerusform>Registrerade en begäran om förnyat samtycke för %Ln kandidat i dag.</numerusform>
            <numerusform>Registrerade en begäran om förnyat samtycke för %Ln kandidater i dag.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln candidate(s) and everything about them?</source>
        <translation>
            <numerusform>Radera %Ln kandidat och allt om personen?</numerusform>
            <numerusform>Radera %Ln kandidater och allt om dem?</numerusform>
        </translation>
    </message>
    <message>
        <source>Erasing and compacting the database…</source>
        <translation>Raderar och komprimerar databasen…</translation>
    </message>
    <message>
        <source>Writing a backup…</source>
        <translation>Skriver en säkerhetskopia…</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Återställ säkerhetskopia</translation>
    </message>
    <message>
        <source>Replace the database</source>
        <translation>Ersätt databasen</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Säkerhetskopians lösenfras</translation>
    </message>
    <message>
        <source>{name} was made with another passphrase. Enter the passphrase it had:</source>
        <translation>{name} gjordes med en annan lösenfras. Ange den lösenfrasen:</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Välj en säkerhetskopia</translation>
    </message>
    <message>
        <source>WiR Manager databases (*.db);;All files (*)</source>
        <translation>WiR Manager-databaser (*.db);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Last written</source>
        <translation>Senast skriven</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>Schemaversion</translation>
    </message>
    <message>
        <source>This backup</source>
        <translation>Den här säkerhetskopian</translation>
    </message>
    <message>
        <source>Current database</source>
        <translation>Nuvarande databas</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidater</translation>
    </message>
    <message>
        <source>Placement requests</source>
        <translation>Placeringsförfrågningar</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisationer</translation>
    </message>
    <message>
        <source>Shortlist entries</source>
        <translation>Poster på kortlistor</translation>
    </message>
    <message>
        <source>Training modules</source>
        <translation>Utbildningsmoduler</translation>
    </message>
    <message>
        <source>The current data is kept as a safety copy in the backups folder, and WiR Manager locks afterwards: unlock with the passphrase the backup was made with.</source>
        <translation>Nuvarande data sparas som en säkerhetskopia i mappen för säkerhetskopior, och WiR Manager låses efteråt: lås upp med lösenfrasen som säkerhetskopian gjordes med.</translation>
    </message>
    <message>
        <source>That file is the database itself; choose a backup file.</source>
        <translation>Den filen är själva databasen; välj en säkerhetskopia.</translation>
    </message>
    <message>
        <source>Replace the current database with {name}?</source>
        <translation>Ersätta den nuvarande databasen med {name}?</translation>
    </message>
</context>
<context>
    <name>ProgrammeReportDialog</name>
    <message>
        <source>Programme report</source>
        <translation>Programrapport</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <source>PDF with charts</source>
        <translation>PDF med diagram</translation>
    </message>
    <message>
        <source>Spreadsheet (.xlsx)</source>
        <translation>Kalkylblad (.xlsx)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>RankedTreeModel</name>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <source>Score parts</source>
        <translation>Poängdelar</translation>
    </message>
    <message>
        <source>Other shortlists</source>
        <translation>Andra kortlistor</translation>
    </message>
</context>
<context>
    <name>RankingPane</name>
    <message>
        <source>Unticked, each request&apos;s own rule applies; ticked, people still in training count as eligible.</source>
        <translation>Utan kryss gäller varje förfrågans egen regel; med kryss räknas personer som fortfarande utbildas som behöriga.</translation>
    </message>
    <message>
        <source>Ranked eligible candidates</source>
        <translation>Rangordnade behöriga kandidater</translation>
    </message>
    <message>
        <source>Near misses</source>
        <translation>Nästan behöriga</translation>
    </message>
    <message>
        <source>Weight of {part}</source>
        <translation>Vikt för {part}</translation>
    </message>
    <message>
        <source>Profile “default”, version {v}, with changes not yet saved.</source>
        <translation>Profilen ”default”, version {v}, med ändringar som inte sparats än.</translation>
    </message>
    <message>
        <source>Profile “default”, version {v}.</source>
        <translation>Profilen ”default”, version {v}.</translation>
    </message>
    <message>
        <source>Give at least one score part a weight.</source>
        <translation>Ge minst en poängdel en vikt.</translation>
    </message>
    <message>
        <source>Nobody meets every required item of this request, and nobody misses just one.</source>
        <translation>Ingen uppfyller alla krav i den här förfrågan, och ingen saknar bara ett.</translation>
    </message>
    <message>
        <source>Nobody meets every required item of this request; see the near misses below.</source>
        <translation>Ingen uppfyller alla krav i den här förfrågan; se de nästan behöriga nedan.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln eligible candidate(s); the best {shown} are listed.</source>
        <translation>
            <numerusform>%Ln behörig kandidat; de {shown} bästa visas.</numerusform>
            <numerusform>%Ln behöriga kandidater; de {shown} bästa visas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln eligible candidate(s).</source>
        <translation>
            <numerusform>%Ln behörig kandidat.</numerusform>
            <numerusform>%Ln behöriga kandidater.</numerusform>
        </translation>
    </message>
    <message>
        <source>Near misses ({n})</source>
        <translation>Nästan behöriga ({n})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln in stage %1</source>
        <translation>
            <numerusform>%Ln i fasen %1</numerusform>
            <numerusform>%Ln i fasen %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without consent to be proposed</source>
        <translation>
            <numerusform>%Ln utan samtycke till att föreslås</numerusform>
            <numerusform>%Ln utan samtycke till att föreslås</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not considered:</source>
        <translation>
            <numerusform>%Ln kommer inte i fråga:</numerusform>
            <numerusform>%Ln kommer inte i fråga:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln applied or screened completed every mandatory module; finishing training does not skip screening, so review them and move them on.</source>
        <translation>
            <numerusform>%Ln sökande eller granskad har slutfört alla obligatoriska moduler; avklarad utbildning hoppar inte över granskningen, så gå igenom dem och flytta dem vidare.</numerusform>
            <numerusform>%Ln sökande eller granskade har slutfört alla obligatoriska moduler; avklarad utbildning hoppar inte över granskningen, så gå igenom dem och flytta dem vidare.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick candidates to see their spread.</source>
        <translation>Kryssa i kandidater för att se spridningen.</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regioner</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Länder</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Affiliates</source>
        <translation>Anslutna organisationer</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <source> months</source>
        <translation> månader</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>UN M49 code {code}</source>
        <translation>FN M49-kod {code}</translation>
    </message>
    <message>
        <source>Type to search countries</source>
        <translation>Skriv för att söka bland länder</translation>
    </message>
    <message>
        <source>— (on its own)</source>
        <translation>— (ensamt)</translation>
    </message>
    <message>
        <source>One of, group {n}</source>
        <translation>Minst ett av, grupp {n}</translation>
    </message>
    <message>
        <source>Choose an organisation…</source>
        <translation>Välj en organisation…</translation>
    </message>
    <message>
        <source>New organisation…</source>
        <translation>Ny organisation…</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Ny förfrågan</translation>
    </message>
    <message>
        <source>Request {id}</source>
        <translation>Förfrågan {id}</translation>
    </message>
    <message>
        <source>Last changed {when}</source>
        <translation>Senast ändrad {when}</translation>
    </message>
    <message>
        <source>Use a date like 2026-09-01.</source>
        <translation>Ange ett datum som 2026-09-01.</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving</source>
        <translation>
            <numerusform>%n sak att rätta innan du sparar</numerusform>
            <numerusform>%n saker att rätta innan du sparar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more not filled in yet</source>
        <translation>
            <numerusform>%n till är inte ifyllt än</numerusform>
            <numerusform>%n till är inte ifyllda än</numerusform>
        </translation>
    </message>
    <message>
        <source>show them</source>
        <translation>visa dem</translation>
    </message>
    <message>
        <source>New request: fill in the form to save it.</source>
        <translation>Ny förfrågan: fyll i formuläret för att spara den.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Alla ändringar sparade</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Förfrågan</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>e.g. Wikidata resident for health data</source>
        <translation>t.ex. Wikidata-resident för hälsodata</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Ny organisation</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Full name, e.g. World Meteorological Organization</source>
        <translation>Fullständigt namn, t.ex. World Meteorological Organization</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>Förkortning</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>Huvudkontor</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>St&amp;atus</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivning</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Placering</translation>
    </message>
    <message>
        <source>&amp;Work mode</source>
        <translation>A&amp;rbetsform</translation>
    </message>
    <message>
        <source>Duty &amp;city</source>
        <translation>Tjänste&amp;ort</translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation>&amp;Land</translation>
    </message>
    <message>
        <source>&amp;Start date</source>
        <translation>Start&amp;datum</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>L&amp;ängd</translation>
    </message>
    <message>
        <source>Application &amp;deadline</source>
        <translation>Sista a&amp;nsökningsdag</translation>
    </message>
    <message>
        <source>&amp;Positions</source>
        <translation>&amp;Platser</translation>
    </message>
    <message>
        <source>Candidates still in training are eligible</source>
        <translation>Kandidater som fortfarande utbildas är behöriga</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Languages with the same group number form an “at least one of” group, e.g. French ≥ B2 or Spanish ≥ B2.</source>
        <translation>Språk med samma gruppnummer bildar en grupp där minst ett krävs, t.ex. franska ≥ B2 eller spanska ≥ B2.</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Lägg till språk</translation>
    </message>
    <message>
        <source>Make “one of” group</source>
        <translation>Gör till ”minst ett av”-grupp</translation>
    </message>
    <message>
        <source>Put the selected language in a group with the row above it</source>
        <translation>Lägg det markerade språket i en grupp med raden ovanför</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Wikimedia platform skills</source>
        <translation>Kunskaper i Wikimedias plattformar</translation>
    </message>
    <message>
        <source>Add skill</source>
        <translation>Lägg till kunskap</translation>
    </message>
    <message>
        <source>Topic areas</source>
        <translation>Ämnesområden</translation>
    </message>
    <message>
        <source>Priority regions</source>
        <translation>Prioriterade regioner</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Shortlisting</source>
        <translation>Kortlistas</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Tillsatt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stängd</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>På plats</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Distans</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>UN agency</source>
        <translation>FN-organ</translation>
    </message>
    <message>
        <source>IGO</source>
        <translation>IGO</translation>
    </message>
    <message>
        <source>INGO</source>
        <translation>INGO</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <source>Climate change &amp; biodiversity</source>
        <translation>Klimatförändringar och biologisk mångfald</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Hälsa</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Utbildningsfrågor</translation>
    </message>
    <message>
        <source>Cultural heritage</source>
        <translation>Kulturarv</translation>
    </message>
    <message>
        <source>Human rights</source>
        <translation>Mänskliga rättigheter</translation>
    </message>
    <message>
        <source>Sustainable development goals</source>
        <translation>Globala målen för hållbar utveckling</translation>
    </message>
    <message>
        <source>Science</source>
        <translation>Vetenskap</translation>
    </message>
    <message>
        <source>Open access</source>
        <translation>Öppen tillgång</translation>
    </message>
</context>
<context>
    <name>RequestListModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duty station</source>
        <translation>Tjänsteort</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Sista ansökningsdag</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Platser</translation>
    </message>
    <message>
        <source>Required languages</source>
        <translation>Språkkrav</translation>
    </message>
</context>
<context>
    <name>RequestStatus</name>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Shortlisting</source>
        <translation>Kortlistas</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Tillsatt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stängd</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <source>Placement requests</source>
        <translation>Placeringsförfrågningar</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Open or shortlisting</source>
        <translation>Öppna eller under kortlistning</translation>
    </message>
    <message>
        <source>&amp;New request</source>
        <translation>&amp;Ny förfrågan</translation>
    </message>
    <message>
        <source>&amp;Save request</source>
        <translation>&amp;Spara förfrågan</translation>
    </message>
    <message>
        <source>&amp;Delete request…</source>
        <translation>&amp;Ta bort förfrågan…</translation>
    </message>
    <message>
        <source>&amp;Find requests</source>
        <translation>S&amp;ök förfrågningar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln förfrågan</numerusform>
            <numerusform>%Ln förfrågningar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln request(s)</source>
        <translation>
            <numerusform>{shown} av %Ln förfrågan</numerusform>
            <numerusform>{shown} av %Ln förfrågningar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln request(s)?</source>
        <translation>
            <numerusform>Ta bort %Ln förfrågan?</numerusform>
            <numerusform>Ta bort %Ln förfrågningar?</numerusform>
        </translation>
    </message>
    <message>
        <source>This request has unsaved changes.</source>
        <translation>Förfrågan har osparade ändringar.</translation>
    </message>
    <message>
        <source>Delete the request “{title}” ({org})?</source>
        <translation>Ta bort förfrågan ”{title}” ({org})?</translation>
    </message>
    <message>
        <source>Delete requests</source>
        <translation>Ta bort förfrågningar</translation>
    </message>
    <message>
        <source>Their requirements and shortlists are deleted too. Placements and the disclosure log keep their records.</source>
        <translation>Deras krav och kortlistor tas också bort. Placeringar och utlämningsloggen behåller sina uppgifter.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Search title, organisation, place, language…</source>
        <translation>Sök titel, organisation, ort, språk…</translation>
    </message>
    <message>
        <source>Show requests with this status</source>
        <translation>Visa förfrågningar med den här statusen</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Ny förfrågan</translation>
    </message>
</context>
<context>
    <name>Requirements</name>
    <message>
        <source>Native</source>
        <translation>Modersmål</translation>
    </message>
    <message>
        <source>(choose a language)</source>
        <translation>(välj ett språk)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Minimum level</source>
        <translation>Lägsta nivå</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupp</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Rows with the same group number are alternatives: one of them is enough.</source>
        <translation>Rader med samma gruppnummer är alternativ: ett av dem räcker.</translation>
    </message>
    <message>
        <source>One of, group {n}</source>
        <translation>Minst ett av, grupp {n}</translation>
    </message>
</context>
<context>
    <name>SavedPane</name>
    <message>
        <source>Saved shortlist</source>
        <translation>Sparad kortlista</translation>
    </message>
    <message>
        <source>The IGO&apos;s answer</source>
        <translation>Organisationens svar</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>Intervjudatum</translation>
    </message>
    <message>
        <source>Reason for declining</source>
        <translation>Skäl till nej</translation>
    </message>
    <message>
        <source>In the IGO&apos;s words (optional)</source>
        <translation>Med organisationens ord (frivilligt)</translation>
    </message>
    <message>
        <source>Why declined, in the IGO&apos;s words</source>
        <translation>Varför nej, med organisationens ord</translation>
    </message>
    <message>
        <source>Saved shortlist ({n})</source>
        <translation>Sparad kortlista ({n})</translation>
    </message>
    <message>
        <source>{accepted}… (plan the placement)</source>
        <translation>{accepted}… (planera placeringen)</translation>
    </message>
    <message>
        <source>{name} accepted for “{title}”</source>
        <translation>{name} antagen till ”{title}”</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidater</translation>
    </message>
    <message>
        <source>Placement requests</source>
        <translation>Placeringsförfrågningar</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <source>Shortlists</source>
        <translation>Kortlistor</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Placeringar</translation>
    </message>
    <message>
        <source>Privacy &amp; audit</source>
        <translation>Integritet och granskning</translation>
    </message>
</context>
<context>
    <name>ShortlistStatus</name>
    <message>
        <source>Proposed</source>
        <translation>Föreslagen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Intervju</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Antagen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Avböjd</translation>
    </message>
    <message>
        <source>Candidate withdrew</source>
        <translation>Kandidaten drog sig ur</translation>
    </message>
</context>
<context>
    <name>ShortlistTables</name>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <source>Missing requirement</source>
        <translation>Krav som saknas</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Other lists</source>
        <translation>Andra listor</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Förfrågan</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Platser</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Behöriga</translation>
    </message>
    <message>
        <source>Best placements (score)</source>
        <translation>Bästa placeringar (poäng)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Unfilled</source>
        <translation>Otillsatta</translation>
    </message>
    <message>
        <source>Greedy baseline would pick</source>
        <translation>Den giriga jämförelsen skulle välja</translation>
    </message>
    <message>
        <source>This person withdrew consent to be proposed: do not send their details.</source>
        <translation>Personen har återkallat sitt samtycke till att föreslås: skicka inte personens uppgifter.</translation>
    </message>
    <message>
        <source>This person has since said they will not relocate, and the post needs them at its duty station: a new ranking would leave them out.</source>
        <translation>Personen har sedan dess sagt att hen inte vill flytta, och tjänsten kräver närvaro på tjänstestället: en ny rangordning skulle utesluta personen.</translation>
    </message>
    <message>
        <source>{status} · consent withdrawn</source>
        <translation>{status} · samtycket återkallat</translation>
    </message>
    <message>
        <source>{status} · will not relocate</source>
        <translation>{status} · vill inte flytta</translation>
    </message>
</context>
<context>
    <name>ShortlistsView</name>
    <message>
        <source>Shortlist for a request</source>
        <translation>Kortlista för en förfrågan</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Förfrågan:</translation>
    </message>
    <message>
        <source>The placement request to rank candidates for</source>
        <translation>Placeringsförfrågan som kandidaterna ska rangordnas för</translation>
    </message>
    <message>
        <source>Include candidates in &amp;training</source>
        <translation>Ta med kandidater &amp;under utbildning</translation>
    </message>
    <message>
        <source>Eligible candidates: tick to shortlist, expand to read why</source>
        <translation>Behöriga kandidater: kryssa i för att kortlista, fäll ut för att läsa varför</translation>
    </message>
    <message>
        <source>How many of the best to tick</source>
        <translation>Hur många av de bästa som kryssas i</translation>
    </message>
    <message>
        <source>&amp;Save shortlist</source>
        <translation>&amp;Spara kortlista</translation>
    </message>
    <message>
        <source>A PDF placement dossier for the IGO liaison: the saved shortlist, or the current top 5</source>
        <translation>En placeringsdossier i PDF till organisationens kontaktperson: den sparade kortlistan, eller de fem främsta just nu</translation>
    </message>
    <message>
        <source>Generate &amp;dossier…</source>
        <translation>Skapa &amp;dossier…</translation>
    </message>
    <message>
        <source>Candidates who miss exactly one required item, with the reason.</source>
        <translation>Kandidater som missar exakt ett krav, med skälet.</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Vikter</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Åter&amp;ställ</translation>
    </message>
    <message>
        <source>Save &amp;weights</source>
        <translation>Spara &amp;vikter</translation>
    </message>
    <message>
        <source>Diversity of the ticked candidates</source>
        <translation>Mångfald bland de ikryssade kandidaterna</translation>
    </message>
    <message>
        <source>Near misses</source>
        <translation>Nästan behöriga</translation>
    </message>
    <message>
        <source>Tick the best N again (your own ticks stay when the weights change)</source>
        <translation>Kryssa i de N bästa igen (dina egna kryss står kvar när vikterna ändras)</translation>
    </message>
    <message>
        <source>Tick the &amp;best</source>
        <translation>Kryssa i de &amp;bästa</translation>
    </message>
    <message>
        <source>Saved shortlist</source>
        <translation>Sparad kortlista</translation>
    </message>
    <message>
        <source>There are no placement requests yet.</source>
        <translation>Det finns inga placeringsförfrågningar än.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticked</source>
        <translation>
            <numerusform>%Ln ikryssad</numerusform>
            <numerusform>%Ln ikryssade</numerusform>
        </translation>
    </message>
    <message>
        <source>Ranking…</source>
        <translation>Rangordnar…</translation>
    </message>
    <message>
        <source>Shortlist near misses</source>
        <translation>Nästan behöriga på kortlistan</translation>
    </message>
    <message numerus="yes">
        <source>%n ticked candidate(s) miss a required item of this request:</source>
        <translation>
            <numerusform>%n ikryssad kandidat saknar ett krav i den här förfrågan:</numerusform>
            <numerusform>%n ikryssade kandidater saknar ett krav i den här förfrågan:</numerusform>
        </translation>
    </message>
    <message>
        <source>• {name}: {reason}</source>
        <translation>• {name}: {reason}</translation>
    </message>
    <message>
        <source>Save them on the shortlist anyway? Their note will say what is missing.</source>
        <translation>Spara dem på kortlistan ändå? Deras anteckning säger vad som saknas.</translation>
    </message>
    <message>
        <source>New status for the selected entry</source>
        <translation>Ny status för den markerade posten</translation>
    </message>
    <message>
        <source>Set s&amp;tatus</source>
        <translation>Ange s&amp;tatus</translation>
    </message>
    <message>
        <source>Coordinator&apos;s note for the selected entry</source>
        <translation>Samordnarens anteckning för den markerade posten</translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation>Spara &amp;anteckning</translation>
    </message>
    <message>
        <source>Assignment across open requests</source>
        <translation>Fördelning över öppna förfrågningar</translation>
    </message>
    <message>
        <source>&amp;Find the best assignment</source>
        <translation>&amp;Hitta den bästa fördelningen</translation>
    </message>
    <message>
        <source>Fills every open request&apos;s positions with the highest total score; each candidate at most once.</source>
        <translation>Tillsätter platserna i alla öppna förfrågningar med högsta möjliga totalpoäng; varje kandidat högst en gång.</translation>
    </message>
</context>
<context>
    <name>SkillLevel</name>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Grundläggande</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>Medel</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancerad</translation>
    </message>
</context>
<context>
    <name>SubjectTab</name>
    <message>
        <source>Everything held about one person, for a subject access request, and every dossier that named them.</source>
        <translation>Allt som finns om en person, för en begäran om registerutdrag, och varje dossier som har nämnt personen.</translation>
    </message>
    <message>
        <source>Name, username, email or id</source>
        <translation>Namn, användarnamn, e-post eller id</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Hitta en person</translation>
    </message>
    <message>
        <source>Export everything held…</source>
        <translation>Exportera allt som finns…</translation>
    </message>
    <message>
        <source>A workbook (.xlsx) or PDF with every record about this person</source>
        <translation>En arbetsbok (.xlsx) eller PDF med alla uppgifter om personen</translation>
    </message>
    <message>
        <source>Pick a person to see the dossiers that named them.</source>
        <translation>Välj en person för att se de dossierer som har nämnt personen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dossier(s) named {name}.</source>
        <translation>
            <numerusform>%Ln dossier har nämnt {name}.</numerusform>
            <numerusform>%Ln dossierer har nämnt {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>No dossier has named {name}.</source>
        <translation>Ingen dossier har nämnt {name}.</translation>
    </message>
    <message>
        <source>Wrote {path}. It contains personal data in clear; handle it with care.</source>
        <translation>Skrev {path}. Den innehåller personuppgifter i klartext; hantera den varsamt.</translation>
    </message>
    <message>
        <source>Writing the subject access export…</source>
        <translation>Skriver registerutdraget…</translation>
    </message>
    <message>
        <source>Save the subject access export</source>
        <translation>Spara registerutdraget</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF document (*.pdf)</source>
        <translation>Excel-arbetsbok (*.xlsx);;PDF-dokument (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <source>Timeline of {name}</source>
        <translation>Tidslinje för {name}</translation>
    </message>
    <message>
        <source>Everything that happened with {name}, newest first.</source>
        <translation>Allt som hänt med {name}, det senaste först.</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Date of the contact</source>
        <translation>Datum för kontakten</translation>
    </message>
    <message>
        <source>A contact, e.g. phoned about the UNEP post</source>
        <translation>En kontakt, t.ex. ringde om tjänsten hos UNEP</translation>
    </message>
    <message>
        <source>Contact note</source>
        <translation>Kontaktanteckning</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Lägg till &amp;anteckning</translation>
    </message>
    <message>
        <source>Remove note</source>
        <translation>Ta bort anteckning</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>Read the list again (dates move on at midnight).</source>
        <translation>Läs listan igen (datumen flyttas fram vid midnatt).</translation>
    </message>
    <message>
        <source>Double-click a line (or press Enter) to open what it is about.</source>
        <translation>Dubbelklicka på en rad (eller tryck Enter) för att öppna det den gäller.</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>Det som förfaller</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>The list could not be read: {reason} Refresh to try again.</source>
        <translation>Listan kunde inte läsas: {reason} Uppdatera för att försöka igen.</translation>
    </message>
    <message numerus="yes">
        <source>Today: %Ln thing(s) due</source>
        <translation>
            <numerusform>I dag: %Ln sak att göra</numerusform>
            <numerusform>I dag: %Ln saker att göra</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln overdue</source>
        <translation>
            <numerusform>, %Ln försenad</numerusform>
            <numerusform>, %Ln försenade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <source>Welcome to WiR Manager</source>
        <translation>Välkommen till WiR Manager</translation>
    </message>
    <message>
        <source>This short tour shows the screens you will work with. It takes a minute, and you can open it again at any time from the Help menu.</source>
        <translation>Den här korta rundturen visar vyerna du kommer att arbeta med. Den tar en minut, och du kan öppna den igen när som helst från Hjälp-menyn.</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidater</translation>
    </message>
    <message>
        <source>Everyone in the pool: search by name, username, email or affiliate, filter by stage, language level, platform skill or topic, and edit a candidate&apos;s profile, languages, training, consent and notes.</source>
        <translation>Alla i kandidatpoolen: sök efter namn, användarnamn, e-post eller ansluten organisation, filtrera efter fas, språknivå, plattformskunskap eller ämnesområde, och redigera en kandidats profil, språk, utbildning, samtycke och anteckningar.</translation>
    </message>
    <message>
        <source>Placement requests</source>
        <translation>Placeringsförfrågningar</translation>
    </message>
    <message>
        <source>What each organisation asks for: languages and platform skills with a minimum level marked required, preferred or nice to have, topics, duty station or remote work, dates and the number of positions.</source>
        <translation>Vad varje organisation efterfrågar: språk och plattformskunskaper med en lägsta nivå, markerade som krav, önskvärda eller meriterande, ämnesområden, tjänsteort eller distansarbete, datum och antal platser.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Utbildning</translation>
    </message>
    <message>
        <source>The programme&apos;s modules and who has completed them. A candidate who has completed every mandatory module is ready to be proposed.</source>
        <translation>Programmets moduler och vilka som har klarat dem. En kandidat som har klarat alla obligatoriska moduler är redo att föreslås.</translation>
    </message>
    <message>
        <source>Shortlists</source>
        <translation>Kortlistor</translation>
    </message>
    <message>
        <source>For each request, a ranked list of eligible candidates with a score you can read part by part, the near misses and why, and the dossier you send to the organisation.</source>
        <translation>För varje förfrågan en rangordnad lista över behöriga kandidater med en poäng som du kan läsa del för del, de som nästan är behöriga och varför, och dossiern som du skickar till organisationen.</translation>
    </message>
    <message>
        <source>Privacy &amp; audit</source>
        <translation>Integritet och granskning</translation>
    </message>
    <message>
        <source>Who changed what and when, which candidates were disclosed to whom, consent and retention, subject access exports, erasure and backups.</source>
        <translation>Vem som ändrade vad och när, vilka kandidater som lämnats ut till vem, samtycke och gallring, registerutdrag, radering och säkerhetskopior.</translation>
    </message>
    <message>
        <source>You are ready</source>
        <translation>Nu är du redo</translation>
    </message>
    <message>
        <source>Press F1 at any time to open the user guide. Your data stays in one encrypted file on this computer: lock it with Ctrl+L when you leave your desk.</source>
        <translation>Tryck på F1 när som helst för att öppna användarhandboken. Dina uppgifter ligger i en enda krypterad fil på den här datorn: lås den med Ctrl+L när du lämnar datorn.</translation>
    </message>
    <message>
        <source>Screenshot: %1</source>
        <translation>Skärmbild: %1</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Klar</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Nästa</translation>
    </message>
    <message>
        <source>Finish the tour</source>
        <translation>Avsluta rundturen</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nästa sida</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Sida %1 av %2</translation>
    </message>
    <message>
        <source>Tour: %1</source>
        <translation>Rundtur: %1</translation>
    </message>
    <message>
        <source>Tour pages</source>
        <translation>Rundturens sidor</translation>
    </message>
    <message>
        <source>&amp;Skip tour</source>
        <translation>&amp;Hoppa över rundturen</translation>
    </message>
    <message>
        <source>Skip tour</source>
        <translation>Hoppa över rundturen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Tillbaka</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Föregående sida</translation>
    </message>
</context>
<context>
    <name>TrainingGridModel</name>
    <message>
        <source>Completed</source>
        <translation>Avklarad</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ej påbörjad</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fas</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Mandatory modules completed; ✓ when all are done</source>
        <translation>Avklarade obligatoriska moduler; ✓ när alla är klara</translation>
    </message>
    <message>
        <source>mandatory</source>
        <translation>obligatorisk</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>valfri</translation>
    </message>
    <message>
        <source>Every mandatory module completed</source>
        <translation>Alla obligatoriska moduler avklarade</translation>
    </message>
    <message>
        <source>{n} (opt.)</source>
        <translation>{n} (valfri)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln mandatory module(s) to go</source>
        <translation>
            <numerusform>%Ln obligatorisk modul kvar</numerusform>
            <numerusform>%Ln obligatoriska moduler kvar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <source>Course name, e.g. “WIR 101 autumn”</source>
        <translation>Kursnamn, t.ex. ”WIR 101 hösten”</translation>
    </message>
    <message>
        <source>Save m&amp;apping</source>
        <translation>Spara m&amp;appning</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Programme modules</source>
        <translation>Programmets moduler</translation>
    </message>
    <message>
        <source>Add module</source>
        <translation>Lägg till modul</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Flytta upp</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Flytta ned</translation>
    </message>
    <message>
        <source>Start with the default curriculum</source>
        <translation>Börja med standardkursplanen</translation>
    </message>
    <message>
        <source>Search name or username…</source>
        <translation>Sök namn eller användarnamn…</translation>
    </message>
    <message>
        <source>&amp;Cohort</source>
        <translation>&amp;Grupp</translation>
    </message>
    <message>
        <source>Move finished to Ready</source>
        <translation>Flytta klara till Redo</translation>
    </message>
    <message>
        <source>Training not complete</source>
        <translation>Utbildning inte avklarad</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>Sc&amp;ore</source>
        <translation>&amp;Poäng</translation>
    </message>
    <message>
        <source>Mark in progress</source>
        <translation>Markera som pågående</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>Markera som avklarad</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alla faser</translation>
    </message>
    <message>
        <source>Training progress by candidate and module</source>
        <translation>Utbildningsframsteg per kandidat och modul</translation>
    </message>
    <message>
        <source>✓ completed   ◐ in progress   · not started   (opt.) optional module</source>
        <translation>✓ avklarad   ◐ pågår   · ej påbörjad   (valfri) valfri modul</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Optional score (0–100) for completed modules</source>
        <translation>Valfri poäng (0–100) för avklarade moduler</translation>
    </message>
    <message>
        <source>Set the selected cells back to “not started”</source>
        <translation>Återställ de markerade cellerna till ”ej påbörjad”</translation>
    </message>
    <message>
        <source>&amp;New training module</source>
        <translation>&amp;Ny utbildningsmodul</translation>
    </message>
    <message>
        <source>&amp;Save module</source>
        <translation>&amp;Spara modul</translation>
    </message>
    <message>
        <source>&amp;Mark selection completed</source>
        <translation>&amp;Markera urvalet som avklarat</translation>
    </message>
    <message>
        <source>&amp;Find candidates</source>
        <translation>S&amp;ök kandidater</translation>
    </message>
    <message>
        <source>&amp;Reload grid</source>
        <translation>&amp;Läs in rutnätet igen</translation>
    </message>
    <message>
        <source>Loading training records…</source>
        <translation>Läser in utbildningsuppgifter…</translation>
    </message>
    <message>
        <source>Move {n} finished to Ready</source>
        <translation>Flytta {n} klara till Redo</translation>
    </message>
    <message>
        <source>Candidates still “in training” who completed every mandatory module (for example after a module was retired)</source>
        <translation>Kandidater som fortfarande står som ”under utbildning” men har klarat alla obligatoriska moduler (till exempel efter att en modul pensionerats)</translation>
    </message>
    <message>
        <source>Reset to not started</source>
        <translation>Återställ till ej påbörjad</translation>
    </message>
    <message>
        <source>Select this module for everyone shown</source>
        <translation>Markera den här modulen för alla som visas</translation>
    </message>
    <message>
        <source>{shown} of {total} candidates shown · {ready} with training complete</source>
        <translation>{shown} av {total} kandidater visas · {ready} med avklarad utbildning</translation>
    </message>
    <message>
        <source>The programme has no active module yet: add one on the left.</source>
        <translation>Programmet har ingen aktiv modul än: lägg till en till vänster.</translation>
    </message>
    <message>
        <source>started {date}</source>
        <translation>påbörjad {date}</translation>
    </message>
    <message>
        <source>completed {date}</source>
        <translation>avklarad {date}</translation>
    </message>
    <message>
        <source>score {score}</source>
        <translation>poäng {score}</translation>
    </message>
    <message numerus="yes">
        <source>{cells} of %Ln candidate(s) selected</source>
        <translation>
            <numerusform>{cells} hos %Ln kandidat markerade</numerusform>
            <numerusform>{cells} hos %Ln kandidater markerade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s)</source>
        <translation>
            <numerusform>%Ln cell</numerusform>
            <numerusform>%Ln celler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) updated.</source>
        <translation>
            <numerusform>%Ln cell uppdaterad.</numerusform>
            <numerusform>%Ln celler uppdaterade.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s) completed the training and are now ready.</source>
        <translation>
            <numerusform>%Ln kandidat har slutfört utbildningen och är nu redo.</numerusform>
            <numerusform>%Ln kandidater har slutfört utbildningen och är nu redo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select cells or candidates to mark</source>
        <translation>Markera celler eller kandidater</translation>
    </message>
    <message>
        <source>Updating training records…</source>
        <translation>Uppdaterar utbildningsuppgifter…</translation>
    </message>
    <message>
        <source>This training module has unsaved changes.</source>
        <translation>Utbildningsmodulen har osparade ändringar.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Open database</source>
        <translation>Öppna databas</translation>
    </message>
    <message>
        <source>Choose a database file first.</source>
        <translation>Välj en databasfil först.</translation>
    </message>
    <message>
        <source>Type your name; it signs your changes in the history.</source>
        <translation>Skriv ditt namn; det signerar dina ändringar i historiken.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Skriv lösenfrasen.</translation>
    </message>
    <message>
        <source>That passphrase is wrong. Check Caps Lock and try again.</source>
        <translation>Lösenfrasen är fel. Kontrollera Caps Lock och försök igen.</translation>
    </message>
    <message>
        <source>Unlock database</source>
        <translation>Lås upp databas</translation>
    </message>
    <message>
        <source>Enter the passphrase to unlock the database.</source>
        <translation>Ange lösenfrasen för att låsa upp databasen.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Kom ihåg på den här datorn</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;namn:</translation>
    </message>
    <message>
        <source>Signs your changes in the history on this computer; it is asked once.</source>
        <translation>Signerar dina ändringar i historiken på den här datorn; det frågas en gång.</translation>
    </message>
    <message>
        <source>Other options…</source>
        <translation>Fler alternativ…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Lås &amp;upp</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Open database</source>
        <translation>Öppna databas</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Ny databas</translation>
    </message>
    <message>
        <source>Choose where to keep the database file.</source>
        <translation>Välj var databasfilen ska sparas.</translation>
    </message>
    <message>
        <source>That file already exists; open it instead or pick another name.</source>
        <translation>Filen finns redan; öppna den i stället eller välj ett annat namn.</translation>
    </message>
    <message>
        <source>Type your name; it signs your changes in the history.</source>
        <translation>Skriv ditt namn; det visas vid dina ändringar i historiken.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De två lösenfraserna är olika.</translation>
    </message>
    <message>
        <source>The file could not be created there ({reason}); pick another folder.</source>
        <translation>Filen kunde inte skapas där ({reason}); välj en annan mapp.</translation>
    </message>
    <message>
        <source>Welcome to WiR Manager</source>
        <translation>Välkommen till WiR Manager</translation>
    </message>
    <message>
        <source>Candidates, training records and placement requests are kept in one encrypted database file on this computer. Nobody can read it without its passphrase.</source>
        <translation>Kandidater, utbildningsuppgifter och placeringsförfrågningar sparas i en enda krypterad databasfil på den här datorn. Ingen kan läsa den utan lösenfrasen.</translation>
    </message>
    <message>
        <source>Open the demo database</source>
        <translation>Öppna demodatabasen</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>Skapa en ny databas…</translation>
    </message>
    <message>
        <source>Open an existing database…</source>
        <translation>Öppna en befintlig databas…</translation>
    </message>
    <message>
        <source>Connect to a team server…</source>
        <translation>Anslut till en teamserver…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ditt &amp;namn:</translation>
    </message>
    <message>
        <source>Shown in the change history next to every edit you make</source>
        <translation>Visas i ändringshistoriken vid varje ändring du gör</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Upprepa:</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Kom ihåg på den här datorn</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Create database</source>
        <translation>Skapa databas</translation>
    </message>
</context>
<context>
    <name>WikiEvidencePanel</name>
    <message>
        <source>Self-reported: {edits} edits, on Wikimedia since {since}.</source>
        <translation>Egen uppgift: {edits} redigeringar, på Wikimedia sedan {since}.</translation>
    </message>
    <message>
        <source>Not verified on the wikis yet.</source>
        <translation>Inte verifierad på wikierna än.</translation>
    </message>
    <message>
        <source>Verified on {day} for the username “{old}”; verify again.</source>
        <translation>Verifierad {day} för användarnamnet ”{old}”; verifiera igen.</translation>
    </message>
    <message>
        <source>Verified on {day}.</source>
        <translation>Verifierad {day}.</translation>
    </message>
    <message>
        <source>The username “{name}” does not exist on the wikis.</source>
        <translation>Användarnamnet ”{name}” finns inte på wikierna.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
    <message>
        <source>Verified on {day}: {edits} edits ({wikipedia} on Wikipedia, {wikidata} on Wikidata, {commons} on Commons, {uploads} uploads), registered {registered}.</source>
        <translation>Verifierad {day}: {edits} redigeringar ({wikipedia} på Wikipedia, {wikidata} på Wikidata, {commons} på Commons, {uploads} uppladdningar), registrerad {registered}.</translation>
    </message>
    <message>
        <source>The account is locked on all wikis.</source>
        <translation>Kontot är låst på alla wikier.</translation>
    </message>
    <message>
        <source>The account is blocked on: {wikis}.</source>
        <translation>Kontot är blockerat på: {wikis}.</translation>
    </message>
</context>
<context>
    <name>WikiVerify</name>
    <message>
        <source>Verify on the wikis</source>
        <translation>Verifiera på wikierna</translation>
    </message>
    <message>
        <source>Fetch public account facts (edits, registration, blocks) for the selected candidates, or for everybody with a username when none is selected</source>
        <translation>Hämta offentliga kontouppgifter (redigeringar, registrering, blockeringar) för de markerade kandidaterna, eller för alla med användarnamn när ingen är markerad</translation>
    </message>
    <message>
        <source>Wikis: any</source>
        <translation>Wikier: alla</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifierade</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Inte verifierade</translation>
    </message>
    <message>
        <source>Username not found</source>
        <translation>Användarnamnet hittades inte</translation>
    </message>
    <message>
        <source>Show candidates by what the wikis said</source>
        <translation>Visa kandidater efter vad wikierna svarade</translation>
    </message>
    <message>
        <source>On the wikis</source>
        <translation>På wikierna</translation>
    </message>
    <message>
        <source>Contact for the wikis</source>
        <translation>Kontakt för wikierna</translation>
    </message>
    <message>
        <source>The wikis ask every tool to say who runs it. Give the programme&apos;s contact (an e-mail address or web page); it is sent with each request:</source>
        <translation>Wikierna ber varje verktyg att säga vem som driver det. Ange programmets kontakt (en e-postadress eller webbsida); den skickas med varje förfrågan:</translation>
    </message>
    <message>
        <source>Verifying usernames on the wikis…</source>
        <translation>Verifierar användarnamn på wikierna…</translation>
    </message>
</context>
<context>
    <name>WorkMode</name>
    <message>
        <source>On site</source>
        <translation>På plats</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>Distans</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
</context>
<context>
    <name>WriteAccess</name>
    <message>
        <source>Your login ({role}) may not change candidates.</source>
        <translation>Din inloggning ({role}) får inte ändra kandidater.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change training records.</source>
        <translation>Din inloggning ({role}) får inte ändra utbildningsuppgifter.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change training modules.</source>
        <translation>Din inloggning ({role}) får inte ändra utbildningsmoduler.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change placement requests.</source>
        <translation>Din inloggning ({role}) får inte ändra placeringsförfrågningar.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change shortlists.</source>
        <translation>Din inloggning ({role}) får inte ändra kortlistor.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change weight profiles.</source>
        <translation>Din inloggning ({role}) får inte ändra viktprofiler.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change placements.</source>
        <translation>Din inloggning ({role}) får inte ändra placeringar.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change check-ins.</source>
        <translation>Din inloggning ({role}) får inte ändra avstämningar.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change outcomes.</source>
        <translation>Din inloggning ({role}) får inte ändra utfall.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change contact notes.</source>
        <translation>Din inloggning ({role}) får inte ändra kontaktanteckningar.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not verify candidates on the wikis.</source>
        <translation>Din inloggning ({role}) får inte verifiera kandidater på wikierna.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not generate dossiers.</source>
        <translation>Din inloggning ({role}) får inte skapa dossierer.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change the shared settings.</source>
        <translation>Din inloggning ({role}) får inte ändra de gemensamma inställningarna.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not delete candidates.</source>
        <translation>Din inloggning ({role}) får inte ta bort kandidater.</translation>
    </message>
    <message>
        <source>Your login may not change this.</source>
        <translation>Din inloggning får inte ändra detta.</translation>
    </message>
    <message>
        <source>Your login ({role}) may not change this.</source>
        <translation>Din inloggning ({role}) får inte ändra detta.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>WiR Manager</source>
        <translation>WiR Manager</translation>
    </message>
    <message>
        <source>The operation could not be completed.</source>
        <translation>Åtgärden kunde inte slutföras.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}). Your data is unchanged. Details for support are in {path}.</source>
        <translation>Något oväntat gick fel ({kind}). Dina uppgifter är oförändrade. Detaljer för support finns i {path}.</translation>
    </message>
</context>
<context>
    <name>self._model</name>
    <message>
        <source>(not used)</source>
        <translation>(används inte)</translation>
    </message>
</context>
</TS>
