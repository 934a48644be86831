<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Action</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="42" />
        <source>called</source>
        <translation>called</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="43" />
        <source>recalled</source>
        <translation>recalled</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="44" />
        <source>started</source>
        <translation>started</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="45" />
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="46" />
        <source>marked as a no-show</source>
        <translation>marked as a no-show</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="47" />
        <source>reinstated</source>
        <translation>reinstated</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="48" />
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="49" />
        <source>referred</source>
        <translation>referred</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="50" />
        <source>checked in</source>
        <translation>checked in</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="144" />
        <source>CNAIM Desk — Counter {desk}</source>
        <translation>CNAIM Desk — Counter {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="145" />
        <source>Counter {desk}</source>
        <translation>Counter {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="146" />
        <source>At this counter</source>
        <translation>At this counter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="147" />
        <source>Services served</source>
        <translation>Services served</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="149" />
        <source>Call next (F5)</source>
        <translation>Call next (F5)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="150" />
        <source>Recall (F6)</source>
        <translation>Recall (F6)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="151" />
        <source>Start (F7)</source>
        <translation>Start (F7)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="152" />
        <source>Finish (F8)</source>
        <translation>Finish (F8)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="153" />
        <source>No-show (F9)</source>
        <translation>No-show (F9)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="158" />
        <source>Waiting, in calling order</source>
        <translation>Waiting, in calling order</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="161" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="162" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="163" />
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="164" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="165" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="166" />
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="201" />
        <source>Choose at least one service to call for.</source>
        <translation>Choose at least one service to call for.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="209" />
        <source>No one is waiting for these services.</source>
        <translation>No one is waiting for these services.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="217" />
        <source>No ticket at this counter: call the next person first.</source>
        <translation>No ticket at this counter: call the next person first.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="274" />
        <source>Free. Press F5 to call the next person.</source>
        <translation>Free. Press F5 to call the next person.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="281" />
        <source>language: {name}</source>
        <translation>language: {name}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="285" />
        <source>priority: {category}</source>
        <translation>priority: {category}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="288" />
        <source>recalled {n}×</source>
        <translation>recalled {n}×</translation>
    </message>
</context>
<context>
    <name>DeskMenu</name>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="57" />
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="58" />
        <source>none — tickets saved as PDF</source>
        <translation>none — tickets saved as PDF</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="59" />
        <source>&amp;Printer… ({printer})</source>
        <translation>&amp;Printer… ({printer})</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="60" />
        <source>P&amp;aper</source>
        <translation>P&amp;aper</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="61" />
        <source>Interface &amp;language</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="62" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="74" />
        <source>No printer: save each ticket as a PDF</source>
        <translation>No printer: save each ticket as a PDF</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="80" />
        <source>Ticket printer</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="80" />
        <source>Print tickets on:</source>
        <translation>Print tickets on:</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="15" />
        <source>No priority</source>
        <translation>No priority</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="17" />
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="18" />
        <source>Elderly (65+)</source>
        <translation>Elderly (65+)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="19" />
        <source>Pregnancy</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="20" />
        <source>Child up to 2</source>
        <translation>Child up to 2</translation>
    </message>
</context>
<context>
    <name>ReceptionWindow</name>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="180" />
        <source>CNAIM Desk — Reception {desk}</source>
        <translation>CNAIM Desk — Reception {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="183" />
        <source>Welcome and Screening · {centre} · desk {desk}</source>
        <translation>Welcome and Screening · {centre} · desk {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="187" />
        <source>Arrival's &amp;language:</source>
        <translation>Arrival's &amp;language:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="188" />
        <source>Arrival's language</source>
        <translation>Arrival's language</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="189" />
        <source>Legal priority (claimed by the person)</source>
        <translation>Legal priority (claimed by the person)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="198" />
        <source>Issue a ticket for {service}</source>
        <translation>Issue a ticket for {service}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="199" />
        <source>Waiting now</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="201" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="201" />
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="192" />
        <source>Issue a ticket for (Alt + the letter)</source>
        <translation>Issue a ticket for (Alt + the letter)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="201" />
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="201" />
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="203" />
        <source>Last ticket</source>
        <translation>Last ticket</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="204" />
        <source>Reprint (Ctrl+P)</source>
        <translation>Reprint (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="205" />
        <source>Open PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="206" />
        <source>Last ticket number</source>
        <translation>Last ticket number</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="250" />
        <source>Not issued: {reason}</source>
        <translation>Not issued: {reason}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="279" />
        <source>Choose the arrival's language, then the service.</source>
        <translation>Choose the arrival's language, then the service.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="286" />
        <source>next in line</source>
        <translation>next in line</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="288" />
        <source>{n} ahead</source>
        <translation>{n} ahead</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="290" />
        <source>about {n} min</source>
        <translation>about {n} min</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="292" />
        <source>no wait estimate yet</source>
        <translation>no wait estimate yet</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="298" />
        <source>✔ Saved as PDF: {path}</source>
        <translation>✔ Saved as PDF: {path}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="300" />
        <source>✔ Printed on {printer}</source>
        <translation>✔ Printed on {printer}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="304" />
        <source>Not printed: {reason} The ticket is valid: tell the person their number, {code}, and reprint when the printer is back.</source>
        <translation>Not printed: {reason} The ticket is valid: tell the person their number, {code}, and reprint when the printer is back.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="330" />
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="58" />
        <source>Ticket {code} is {status}; it cannot be {action}.</source>
        <translation>Ticket {code} is {status}; it cannot be {action}.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="81" />
        <source>Set up CNAIM Desk</source>
        <translation>Set up CNAIM Desk</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="84" />
        <source>This computer is not a desk yet. Choose its centre, a short desk id (R1 for a reception desk, C4 for counter 4, B1 for a board) and its role, or try the demo centre first.</source>
        <translation>This computer is not a desk yet. Choose its centre, a short desk id (R1 for a reception desk, C4 for counter 4, B1 for a board) and its role, or try the demo centre first.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="89" />
        <source>&amp;Centre:</source>
        <translation>&amp;Centre:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="90" />
        <source>&amp;Desk id:</source>
        <translation>&amp;Desk id:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="91" />
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="94" />
        <source>CNAIM Lisboa</source>
        <translation>CNAIM Lisboa</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="95" />
        <source>CNAIM Norte (Porto)</source>
        <translation>CNAIM Norte (Porto)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="96" />
        <source>CNAIM Algarve (Faro)</source>
        <translation>CNAIM Algarve (Faro)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="99" />
        <source>Reception (welcome and screening)</source>
        <translation>Reception (welcome and screening)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="100" />
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="101" />
        <source>Calling board</source>
        <translation>Calling board</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="109" />
        <source>&amp;Set up this desk</source>
        <translation>&amp;Set up this desk</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="110" />
        <source>Try the &amp;demo</source>
        <translation>Try the &amp;demo</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="111" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="123" />
        <source>Type a desk id, such as R1.</source>
        <translation>Type a desk id, such as R1.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="27" />
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="28" />
        <source>called — waiting for the person</source>
        <translation>called — waiting for the person</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="29" />
        <source>being served</source>
        <translation>being served</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="30" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="31" />
        <source>no-show</source>
        <translation>no-show</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="32" />
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="33" />
        <source>waiting after a referral</source>
        <translation>waiting after a referral</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="34" />
        <source>closed with the day</source>
        <translation>closed with the day</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <location filename="../cnaim_desk/app.py" line="199" />
        <source>CNAIM Desk cannot start</source>
        <extracomment>A few people already waiting when the demo opens: (service, priority, language).</extracomment>
        <translation>CNAIM Desk cannot start</translation>
    </message>
</context>
</TS>
