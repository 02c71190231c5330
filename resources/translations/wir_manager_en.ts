<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssignmentPane</name>
    <message numerus="yes">
        <source>%Ln row(s) written to {path}.</source>
        <translation>
            <numerusform>%Ln row written to {path}.</numerusform>
            <numerusform>%Ln rows written to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandidatesView</name>
    <message numerus="yes">
        <source>%Ln candidate(s)</source>
        <translation>
            <numerusform>%Ln candidate</numerusform>
            <numerusform>%Ln candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln candidate(s)</source>
        <translation>
            <numerusform>{shown} of %Ln candidate</numerusform>
            <numerusform>{shown} of %Ln candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s) deleted.</source>
        <translation>
            <numerusform>%Ln candidate deleted.</numerusform>
            <numerusform>%Ln candidates deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s) moved to “{stage}”.</source>
        <translation>
            <numerusform>%Ln candidate moved to “{stage}”.</numerusform>
            <numerusform>%Ln candidates moved to “{stage}”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>Wrote %Ln training record(s) in one transaction.</source>
        <translation>
            <numerusform>Wrote %Ln training record in one transaction.</numerusform>
            <numerusform>Wrote %Ln training records in one transaction.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s) now ready.</source>
        <translation>
            <numerusform>%Ln candidate is now ready.</numerusform>
            <numerusform>%Ln candidates are now ready.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with warnings (for example a name very like an existing candidate&apos;s).</source>
        <translation>
            <numerusform>%Ln row with warnings (for example a name very like an existing candidate&apos;s).</numerusform>
            <numerusform>%Ln rows with warnings (for example a name very like an existing candidate&apos;s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import all %Ln record(s) anyway?</source>
        <translation>
            <numerusform>Import the %Ln record anyway?</numerusform>
            <numerusform>Import all %Ln records anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln record(s) in one transaction.</source>
        <translation>
            <numerusform>Imported %Ln record in one transaction.</numerusform>
            <numerusform>Imported %Ln records in one transaction.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln imported.</source>
        <translation>
            <numerusform>%Ln imported.</numerusform>
            <numerusform>%Ln imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to {path}.</source>
        <translation>
            <numerusform>%Ln row written to {path}.</numerusform>
            <numerusform>%Ln rows written to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s)</source>
        <translation>
            <numerusform>%Ln candidate</numerusform>
            <numerusform>%Ln candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlacementsView</name>
    <message numerus="yes">
        <source>%Ln placement(s)</source>
        <translation>
            <numerusform>%Ln placement</numerusform>
            <numerusform>%Ln placements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln placement(s)</source>
        <translation>
            <numerusform>{shown} of %Ln placement</numerusform>
            <numerusform>{shown} of %Ln placements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more entered with other reports.</source>
        <translation>
            <numerusform>%Ln more entered with other reports.</numerusform>
            <numerusform>%Ln more entered with other reports.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>Also active on %Ln other shortlist(s)</source>
        <translation>
            <numerusform>Also active on %Ln other shortlist</numerusform>
            <numerusform>Also active on %Ln other shortlists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s)</source>
        <translation>
            <numerusform>%Ln candidate</numerusform>
            <numerusform>%Ln candidates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyView</name>
    <message numerus="yes">
        <source>%Ln candidate(s) due: ask them to renew their consent, or erase them.</source>
        <translation>
            <numerusform>%Ln candidate is due: ask them to renew their consent, or erase them.</numerusform>
            <numerusform>%Ln candidates are due: ask them to renew their consent, or erase them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded a consent renewal request for %Ln candidate(s) today.</source>
        <translation>
            <numerusform>Recorded a consent renewal request for %Ln candidate today.</numerusform>
            <numerusform>Recorded a consent renewal request for %Ln candidates today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln candidate(s) and everything about them?</source>
        <translation>
            <numerusform>Erase %Ln candidate and everything about them?</numerusform>
            <numerusform>Erase %Ln candidates and everything about them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The backup has %Ln fewer candidate(s) than the current database.</source>
        <translation>
            <numerusform>The backup has %Ln fewer candidate than the current database.</numerusform>
            <numerusform>The backup has %Ln fewer candidates than the current database.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RankingPane</name>
    <message numerus="yes">
        <source>%Ln eligible candidate(s); the best {shown} are listed.</source>
        <translation>
            <numerusform>%Ln eligible candidate; the best {shown} are listed.</numerusform>
            <numerusform>%Ln eligible candidates; the best {shown} are listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln eligible candidate(s).</source>
        <translation>
            <numerusform>%Ln eligible candidate.</numerusform>
            <numerusform>%Ln eligible candidates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in stage %1</source>
        <translation>
            <numerusform>%Ln in stage %1</numerusform>
            <numerusform>%Ln in stage %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without consent to be proposed</source>
        <translation>
            <numerusform>%Ln without consent to be proposed</numerusform>
            <numerusform>%Ln without consent to be proposed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not considered:</source>
        <translation>
            <numerusform>%Ln not considered:</numerusform>
            <numerusform>%Ln not considered:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln applied or screened completed every mandatory module; finishing training does not skip screening, so review them and move them on.</source>
        <translation>
            <numerusform>%Ln applied or screened candidate completed every mandatory module; finishing training does not skip screening, so review them and move them on.</numerusform>
            <numerusform>%Ln applied or screened candidates completed every mandatory module; finishing training does not skip screening, so review them and move them on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving</source>
        <translation>
            <numerusform>%n thing to fix before saving</numerusform>
            <numerusform>%n things to fix before saving</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more not filled in yet</source>
        <translation>
            <numerusform>%n more not filled in yet</numerusform>
            <numerusform>%n more not filled in yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln request(s)</source>
        <translation>
            <numerusform>{shown} of %Ln request</numerusform>
            <numerusform>{shown} of %Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln request(s)?</source>
        <translation>
            <numerusform>Delete %Ln request?</numerusform>
            <numerusform>Delete %Ln requests?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortlistsView</name>
    <message numerus="yes">
        <source>%Ln ticked</source>
        <translation>
            <numerusform>%Ln ticked</numerusform>
            <numerusform>%Ln ticked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticked candidate(s) miss a required item of this request:</source>
        <translation>
            <numerusform>%n ticked candidate misses a required item of this request:</numerusform>
            <numerusform>%n ticked candidates miss a required item of this request:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubjectTab</name>
    <message numerus="yes">
        <source>%Ln dossier(s) named {name}.</source>
        <translation>
            <numerusform>%Ln dossier named {name}.</numerusform>
            <numerusform>%Ln dossiers named {name}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message numerus="yes">
        <source>Today: %Ln thing(s) due</source>
        <translation>
            <numerusform>Today: %Ln thing due</numerusform>
            <numerusform>Today: %Ln things due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln overdue</source>
        <translation>
            <numerusform>, %Ln overdue</numerusform>
            <numerusform>, %Ln overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingGridModel</name>
    <message numerus="yes">
        <source>%Ln mandatory module(s) to go</source>
        <translation>
            <numerusform>%Ln mandatory module to go</numerusform>
            <numerusform>%Ln mandatory modules to go</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message numerus="yes">
        <source>{cells} of %Ln candidate(s) selected</source>
        <translation>
            <numerusform>{cells} of %Ln candidate selected</numerusform>
            <numerusform>{cells} of %Ln candidates selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s)</source>
        <translation>
            <numerusform>%Ln cell</numerusform>
            <numerusform>%Ln cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cell(s) updated.</source>
        <translation>
            <numerusform>%Ln cell updated.</numerusform>
            <numerusform>%Ln cells updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s) completed the training and are now ready.</source>
        <translation>
            <numerusform>%Ln candidate completed the training and is now ready.</numerusform>
            <numerusform>%Ln candidates completed their training and are now ready.</numerusform>
        </translation>
    </message>
</context>
</TS>
