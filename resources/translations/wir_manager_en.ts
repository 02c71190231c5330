<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PrivacyView</name>
    <message numerus="yes">
        <source>The backup has %n fewer candidate(s) than the current database.</source>
        <translation>
            <numerusform>The backup has %n fewer candidate than the current database.</numerusform>
            <numerusform>The backup has %n fewer candidates than the current database.</numerusform>
        </translation>
    </message>
</context>
</TS>
