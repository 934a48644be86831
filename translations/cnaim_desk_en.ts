<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Action</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="45" />
        <source>called</source>
        <translation>called</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="46" />
        <source>recalled</source>
        <translation>recalled</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="47" />
        <source>started</source>
        <translation>started</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="48" />
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="49" />
        <source>marked as a no-show</source>
        <translation>marked as a no-show</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="50" />
        <source>reinstated</source>
        <translation>reinstated</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="51" />
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="52" />
        <source>referred</source>
        <translation>referred</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="53" />
        <source>checked in</source>
        <translation>checked in</translation>
    </message>
</context>
<context>
    <name>CounterIdentityDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="28" />
        <source>This counter</source>
        <translation>This counter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="32" />
        <source>The board calls people to this counter by its name and directs them by its floor and side. Leave the name empty to use the desk id, {desk}.</source>
        <translation>The board calls people to this counter by its name and directs them by its floor and side. Leave the name empty to use the desk id, {desk}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="43" />
        <source>e.g. Piso 1</source>
        <translation>e.g. Piso 1</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="45" />
        <source>e.g. esquerda</source>
        <translation>e.g. esquerda</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="47" />
        <source>&amp;Name on the board:</source>
        <translation>&amp;Name on the board:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="48" />
        <source>&amp;Floor:</source>
        <translation>&amp;Floor:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="49" />
        <source>&amp;Side:</source>
        <translation>&amp;Side:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="56" />
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="58" />
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="296" />
        <source>CNAIM Desk — Counter {desk}</source>
        <extracomment>A scanned or chosen ticket in these can be called out of turn. The steps that act on the ticket at the counter, by button name. The steps by which a counter takes a person; two counters taking the same one are told. The refused steps this counter was told of (each once, however often a sync brings the ticket again).</extracomment>
        <translation>CNAIM Desk — Counter {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="299" />
        <source>At this counter</source>
        <translation>At this counter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="300" />
        <source>Services served</source>
        <translation>Services served</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="307" />
        <source>Call next (F5)</source>
        <translation>Call next (F5)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="308" />
        <source>Recall (F6)</source>
        <translation>Recall (F6)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="309" />
        <source>Start (F7)</source>
        <translation>Start (F7)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="311" />
        <source>No-show (F9)</source>
        <translation>No-show (F9)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="317" />
        <source>Call this ticket (F4)</source>
        <translation>Call this ticket (F4)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="322" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="323" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="568" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="324" />
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="325" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="330" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="328" />
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="297" />
        <source>&amp;Counter</source>
        <translation>&amp;Counter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="298" />
        <source>&amp;Name and place on the board…</source>
        <translation>&amp;Name and place on the board…</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="301" />
        <source>Technician:</source>
        <translation>Technician:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="302" />
        <source>your name or initials</source>
        <translation>your name or initials</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="303" />
        <source>Technician&apos;s name or initials</source>
        <translation>Technician&apos;s name or initials</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="304" />
        <source>Sign in (Ctrl+I)</source>
        <translation>Sign in (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="305" />
        <source>Close the counter (Ctrl+W)</source>
        <translation>Close the counter (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="310" />
        <source>Finish… (F8)</source>
        <translation>Finish… (F8)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="312" />
        <source>Refer… (F10)</source>
        <translation>Refer… (F10)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="318" />
        <source>Came back: reinstate (F11)</source>
        <translation>Came back: reinstate (F11)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="319" />
        <source>Waiting, in calling order (Enter calls the one chosen)</source>
        <translation>Waiting, in calling order (Enter calls the one chosen)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="326" />
        <source>Interpreter</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="327" />
        <source>Children</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="329" />
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="371" />
        <source>The counter is closed. F12 opens it again.</source>
        <translation>The counter is closed. F12 opens it again.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="377" />
        <source>Paused: people are not called here. F12 to go on.</source>
        <translation>Paused: people are not called here. F12 to go on.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="401" />
        <source>Type your name or initials to sign in.</source>
        <translation>Type your name or initials to sign in.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="408" />
        <source>Signed in as {name}.</source>
        <translation>Signed in as {name}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="428" />
        <source>The counter is paused: press F12 to open it, then call.</source>
        <translation>The counter is paused: press F12 to open it, then call.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="430" />
        <source>The counter is closed: press F12 to open it, then call.</source>
        <translation>The counter is closed: press F12 to open it, then call.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="436" />
        <source>Choose at least one service to call for.</source>
        <translation>Choose at least one service to call for.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="459" />
        <source>Choose a ticket in the list, or scan one, to call it.</source>
        <translation>Choose a ticket in the list, or scan one, to call it.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="496" />
        <source>No one is waiting for these services.</source>
        <translation>No one is waiting for these services.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="512" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="539" />
        <source>No ticket at this counter: call the next person first.</source>
        <translation>No ticket at this counter: call the next person first.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="532" />
        <source>{code} did not come after {n} recalls: marked a no-show. If the person comes back, scan the ticket and press F11.</source>
        <translation>{code} did not come after {n} recalls: marked a no-show. If the person comes back, scan the ticket and press F11.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="542" />
        <source>Start serving {code} first (F7).</source>
        <translation>Start serving {code} first (F7).</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="546" />
        <source>How did it end for {code}?</source>
        <translation>How did it end for {code}?</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="548" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="554" />
        <source>Call or scan the ticket to refer first.</source>
        <translation>Call or scan the ticket to refer first.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="563" />
        <source>Refer {code} to another service: same ticket, same place in time</source>
        <translation>Refer {code} to another service: same ticket, same place in time</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="567" />
        <source>Refer</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="570" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="583" />
        <source>Call or scan the ticket to cancel first.</source>
        <translation>Call or scan the ticket to cancel first.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="587" />
        <source>Cancel ticket {code}? The person will need a new ticket.</source>
        <translation>Cancel ticket {code}? The person will need a new ticket.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="590" />
        <source>Cancel {code}</source>
        <translation>Cancel {code}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="591" />
        <source>Cancel the ticket</source>
        <translation>Cancel the ticket</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="592" />
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="612" />
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="650" />
        <source>{code} goes on to {service}, keeping its place in time.</source>
        <translation>{code} goes on to {service}, keeping its place in time.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="663" />
        <source>{code} sent to {service}: it waits there with its place in time.</source>
        <translation>{code} sent to {service}: it waits there with its place in time.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="675" />
        <source>{code} cancelled.</source>
        <translation>{code} cancelled.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="681" />
        <source>Scan the ticket of the person who came back, then press F11.</source>
        <translation>Scan the ticket of the person who came back, then press F11.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="691" />
        <source>{code} is back in the queue, with its place in time.</source>
        <translation>{code} is back in the queue, with its place in time.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="738" />
        <source>{code} was also called at {other} while the desks could not reach each other, and {other} called first: {code} goes there. Call the next person.</source>
        <translation>{code} was also called at {other} while the desks could not reach each other, and {other} called first: {code} goes there. Call the next person.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="746" />
        <source>{code} was also called at {other} while the desks could not reach each other; this counter called first: {code} stays here.</source>
        <translation>{code} was also called at {other} while the desks could not reach each other; this counter called first: {code} stays here.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="786" />
        <source>Counter {name}</source>
        <translation>Counter {name}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="791" />
        <source>● Open</source>
        <translation>● Open</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="792" />
        <source>❚❚ Paused</source>
        <translation>❚❚ Paused</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="793" />
        <source>■ Closed</source>
        <translation>■ Closed</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="796" />
        <source>Pause (F12)</source>
        <translation>Pause (F12)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="796" />
        <source>Open (F12)</source>
        <translation>Open (F12)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="802" />
        <source>Today here: {called} called · {served} served · {missed} no-shows</source>
        <translation>Today here: {called} called · {served} served · {missed} no-shows</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="806" />
        <source>median service {minutes} min</source>
        <translation>median service {minutes} min</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="811" />
        <source>{name}: {served} served</source>
        <translation>{name}: {served} served</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="819" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="877" />
        <source>staff member</source>
        <translation>staff member</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="820" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="879" />
        <source>by telephone</source>
        <translation>by telephone</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="829" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="847" />
        <source>Scanned: {code}</source>
        <translation>Scanned: {code}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="850" />
        <source>next in line</source>
        <translation>next in line</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="852" />
        <source>{n} ahead</source>
        <translation>{n} ahead</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="854" />
        <source>called by {desk}</source>
        <translation>called by {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="865" />
        <source>Free. Press F5 to call the next person.</source>
        <translation>Free. Press F5 to call the next person.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="856" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="872" />
        <source>language: {name}</source>
        <translation>language: {name}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="876" />
        <source>interpreter: {how}</source>
        <translation>interpreter: {how}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="883" />
        <source>group of {n}</source>
        <translation>group of {n}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="885" />
        <source>children in the Children Space</source>
        <translation>children in the Children Space</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="888" />
        <source>appointment at {time}</source>
        <translation>appointment at {time}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="893" />
        <source>then: {services}</source>
        <translation>then: {services}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="896" />
        <source>priority: {category}</source>
        <translation>priority: {category}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="899" />
        <source>recalled {n}×</source>
        <translation>recalled {n}×</translation>
    </message>
</context>
<context>
    <name>DeskMenu</name>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="73" />
        <source>&amp;Desk</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="77" />
        <source>none — tickets saved as PDF</source>
        <translation>none — tickets saved as PDF</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="79" />
        <source>&amp;Printer… ({printer})</source>
        <translation>&amp;Printer… ({printer})</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="80" />
        <source>P&amp;aper</source>
        <translation>P&amp;aper</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="83" />
        <source>Interface &amp;language</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="84" />
        <source>Desks of the &amp;centre…</source>
        <translation>Desks of the &amp;centre…</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="85" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>DesksDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="126" />
        <location filename="../cnaim_desk/ui/sync_status.py" line="127" />
        <source>Desks of the centre</source>
        <translation>Desks of the centre</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="130" />
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="131" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="132" />
        <source>Reach</source>
        <translation>Reach</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="133" />
        <source>Last heard</source>
        <translation>Last heard</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="134" />
        <source>Behind</source>
        <translation>Behind</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="137" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="142" />
        <source>reception</source>
        <translation>reception</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="143" />
        <source>counter</source>
        <translation>counter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="144" />
        <source>board</source>
        <translation>board</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="149" />
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="151" />
        <source>linked</source>
        <translation>linked</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="153" />
        <source>through other desks</source>
        <translation>through other desks</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="154" />
        <source>out of reach</source>
        <translation>out of reach</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="158" />
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="160" />
        <source>not since this desk started</source>
        <translation>not since this desk started</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="161" />
        <source>{s} s ago</source>
        <translation>{s} s ago</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="167" />
        <source>in step</source>
        <translation>in step</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="168" />
        <source>{n} events behind</source>
        <translation>{n} events behind</translation>
    </message>
</context>
<context>
    <name>FindTicketDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="57" />
        <source>Find a ticket (F7)</source>
        <extracomment>A ticket is printed again only while its holder still needs it.</extracomment>
        <translation>Find a ticket (F7)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="58" />
        <source>Print again (Enter)</source>
        <translation>Print again (Enter)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="59" />
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="60" />
        <source>Ticket found</source>
        <translation>Ticket found</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="64" />
        <source>Scan the ticket&apos;s QR code — on paper or on a photo on the person&apos;s phone — or type its code, then Enter.</source>
        <translation>Scan the ticket&apos;s QR code — on paper or on a photo on the person&apos;s phone — or type its code, then Enter.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="86" />
        <source>issued at {time}</source>
        <translation>issued at {time}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="87" />
        <source>language: {name}</source>
        <translation>language: {name}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="90" />
        <source>printed again {n}×</source>
        <translation>printed again {n}×</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="93" />
        <source>no longer in the queue: not printed again</source>
        <translation>no longer in the queue: not printed again</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="104" />
        <source>Served: done what they came for</source>
        <translation>Served: done what they came for</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="105" />
        <source>Documents missing: to come back</source>
        <translation>Documents missing: to come back</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="106" />
        <source>A later appointment booked</source>
        <translation>A later appointment booked</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="107" />
        <source>Information only</source>
        <translation>Information only</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="108" />
        <source>Not a matter for this service</source>
        <translation>Not a matter for this service</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="29" />
        <source>80 mm receipt roll</source>
        <extracomment>Drawn a little larger than life, to be read on a desk screen.</extracomment>
        <translation>80 mm receipt roll</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="30" />
        <source>58 mm receipt roll</source>
        <translation>58 mm receipt roll</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="31" />
        <source>A6 card (105 × 148 mm)</source>
        <translation>A6 card (105 × 148 mm)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="32" />
        <source>A4 sheet</source>
        <translation>A4 sheet</translation>
    </message>
</context>
<context>
    <name>PrinterDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="113" />
        <source>Ticket printer</source>
        <translation>Ticket printer</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="114" />
        <source>No printer: save each ticket as a PDF</source>
        <translation>No printer: save each ticket as a PDF</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="115" />
        <source>A printer of this computer:</source>
        <translation>A printer of this computer:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="116" />
        <source>A receipt printer without a driver (ESC/POS):</source>
        <translation>A receipt printer without a driver (ESC/POS):</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="117" />
        <source>Printers of this computer</source>
        <translation>Printers of this computer</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="119" />
        <source>Receipt printer address (tcp://host:port) or device file</source>
        <translation>Receipt printer address (tcp://host:port) or device file</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="121" />
        <source>Print a &amp;test ticket</source>
        <translation>Print a &amp;test ticket</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="122" />
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="123" />
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="140" />
        <source>This computer has no printer installed.</source>
        <translation>This computer has no printer installed.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="142" />
        <source>Give the printer&apos;s address as tcp://host:port, or its device file.</source>
        <translation>Give the printer&apos;s address as tcp://host:port, or its device file.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="164" />
        <source>Ready.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="165" />
        <source>Not ready: {reason}.</source>
        <translation>Not ready: {reason}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="177" />
        <source>✔ Test ticket sent to {where}.</source>
        <translation>✔ Test ticket sent to {where}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="182" />
        <source>The test ticket was not printed: {reason}</source>
        <translation>The test ticket was not printed: {reason}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../cnaim_desk/printing/cups.py" line="80" />
        <source>it is not in the print system</source>
        <translation>it is not in the print system</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/cups.py" line="82" />
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/cups.py" line="83" />
        <source>it is stopped ({reasons})</source>
        <translation>it is stopped ({reasons})</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/cups.py" line="85" />
        <source>it is refusing new jobs</source>
        <translation>it is refusing new jobs</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="87" />
        <source>The receipt printer address {address} is not valid</source>
        <translation>The receipt printer address {address} is not valid</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="103" />
        <source>The receipt printer at {target} cannot be reached ({reason})</source>
        <translation>The receipt printer at {target} cannot be reached ({reason})</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="131" />
        <source>it stopped answering</source>
        <translation>it stopped answering</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="133" />
        <source>the line broke</source>
        <translation>the line broke</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="136" />
        <source>The receipt printer at {target} did not take the whole ticket: {how}</source>
        <translation>The receipt printer at {target} did not take the whole ticket: {how}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="55" />
        <source>The printer {name} is not available.</source>
        <translation>The printer {name} is not available.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="58" />
        <source>The printer {name} cannot print: {problem}.</source>
        <translation>The printer {name} cannot print: {problem}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="62" />
        <source>The printer {name} reports an error.</source>
        <translation>The printer {name} reports an error.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="112" />
        <source>Could not save the ticket: {reason}</source>
        <translation>Could not save the ticket: {reason}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="124" />
        <source>The printer {name} did not accept the ticket.</source>
        <translation>The printer {name} did not accept the ticket.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="133" />
        <source>The printer {name} reported an error.</source>
        <translation>The printer {name} reported an error.</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="18" />
        <source>No priority</source>
        <translation>No priority</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="20" />
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="21" />
        <source>Elderly (65+)</source>
        <translation>Elderly (65+)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="22" />
        <source>Pregnancy</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="23" />
        <source>Child up to 2</source>
        <translation>Child up to 2</translation>
    </message>
</context>
<context>
    <name>ReceptionWindow</name>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="209" />
        <source>CNAIM Desk — Reception {desk}</source>
        <translation>CNAIM Desk — Reception {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="212" />
        <source>Welcome and Screening · {centre} · desk {desk}</source>
        <translation>Welcome and Screening · {centre} · desk {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="216" />
        <source>Waiting now</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="219" />
        <location filename="../cnaim_desk/ui/reception/window.py" line="228" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="221" />
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="220" />
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="222" />
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="223" />
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="226" />
        <source>Appointments today (F4 check-in, F6 import)</source>
        <translation>Appointments today (F4 check-in, F6 import)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="228" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="228" />
        <source>Booking</source>
        <translation>Booking</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="228" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="230" />
        <source>Last ticket</source>
        <translation>Last ticket</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="231" />
        <source>Reprint (Ctrl+P)</source>
        <translation>Reprint (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="232" />
        <source>Preview (Ctrl+Shift+P)</source>
        <translation>Preview (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="233" />
        <source>Open PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="234" />
        <source>Last ticket number</source>
        <translation>Last ticket number</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="413" />
        <source>Information only: recorded, no ticket.</source>
        <translation>Information only: recorded, no ticket.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="427" />
        <source>Not issued: {reason}</source>
        <translation>Not issued: {reason}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="460" />
        <source>No ticket: a booking slip was printed.</source>
        <translation>No ticket: a booking slip was printed.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="477" />
        <location filename="../cnaim_desk/ui/reception/window.py" line="483" />
        <source>Lawyer or representative</source>
        <translation>Lawyer or representative</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="477" />
        <source>Professional number:</source>
        <translation>Professional number:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="484" />
        <source>Cases today (at most {cap} a day):</source>
        <translation>Cases today (at most {cap} a day):</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="497" />
        <source>Appointment check-in</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="497" />
        <source>Booking reference:</source>
        <translation>Booking reference:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="514" />
        <source>late for the appointment: normal queue</source>
        <translation>late for the appointment: normal queue</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="519" />
        <source>Import the day&apos;s appointments</source>
        <translation>Import the day&apos;s appointments</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="519" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="529" />
        <location filename="../cnaim_desk/ui/reception/window.py" line="547" />
        <source>Appointments not imported</source>
        <translation>Appointments not imported</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="548" />
        <source>Nothing was imported. Correct these lines and import again:</source>
        <translation>Nothing was imported. Correct these lines and import again:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="555" />
        <source>{added} appointment(s) imported, {unchanged} already there.</source>
        <translation>{added} appointment(s) imported, {unchanged} already there.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="602" />
        <source>F2 starts with the next arrival.</source>
        <translation>F2 starts with the next arrival.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="663" />
        <source>appointment</source>
        <translation>appointment</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="609" />
        <source>next in line</source>
        <translation>next in line</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="611" />
        <source>{n} ahead</source>
        <translation>{n} ahead</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="613" />
        <source>about {n} min</source>
        <translation>about {n} min</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="615" />
        <source>no wait estimate yet</source>
        <translation>no wait estimate yet</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="625" />
        <source>✔ Saved as PDF: {path}</source>
        <translation>✔ Saved as PDF: {path}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="627" />
        <source>✔ Printed on {printer}</source>
        <translation>✔ Printed on {printer}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="631" />
        <source>Not printed: {reason} The ticket is valid: tell the person their number, {code}, and reprint when the printer is back.</source>
        <translation>Not printed: {reason} The ticket is valid: tell the person their number, {code}, and reprint when the printer is back.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="658" />
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
</context>
<context>
    <name>Referral</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="116" />
        <source>Sent to the wrong service</source>
        <translation>Sent to the wrong service</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="117" />
        <source>Another matter, at that service</source>
        <translation>Another matter, at that service</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="118" />
        <source>Needs a document from that service first</source>
        <translation>Needs a document from that service first</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="119" />
        <source>Needs that service&apos;s interpreter</source>
        <translation>Needs that service&apos;s interpreter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="120" />
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="62" />
        <source>This is not a CNAIM ticket code.</source>
        <translation>This is not a CNAIM ticket code.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="63" />
        <source>This ticket code is damaged or forged: it was not issued here.</source>
        <translation>This ticket code is damaged or forged: it was not issued here.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="66" />
        <source>This ticket is from another centre ({centre}): it is not valid here.</source>
        <translation>This ticket is from another centre ({centre}): it is not valid here.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="69" />
        <source>This ticket is from another day ({day}): it is not valid today.</source>
        <translation>This ticket is from another day ({day}): it is not valid today.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="72" />
        <source>Scan a ticket, or type its code.</source>
        <translation>Scan a ticket, or type its code.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="75" />
        <source>There is no ticket {ref} today.</source>
        <translation>There is no ticket {ref} today.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="78" />
        <source>Ticket {code} is {status}; it cannot be {action}.</source>
        <translation>Ticket {code} is {status}; it cannot be {action}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="87" />
        <source>The disk of this desk is full: nothing was saved. Free some space on it (or call IT support), then try again.</source>
        <translation>The disk of this desk is full: nothing was saved. Free some space on it (or call IT support), then try again.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="92" />
        <source>This desk&apos;s database did not take the change ({reason}): nothing was saved.</source>
        <translation>This desk&apos;s database did not take the change ({reason}): nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <location filename="../cnaim_desk/ui/scan.py" line="57" />
        <source>Scan or type a ticket:</source>
        <translation>Scan or type a ticket:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/scan.py" line="58" />
        <source>QR code, or a code such as S023</source>
        <translation>QR code, or a code such as S023</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/scan.py" line="59" />
        <source>Ticket to open: scan its QR code or type its code</source>
        <translation>Ticket to open: scan its QR code or type its code</translation>
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
        <location filename="../cnaim_desk/ui/labels.py" line="30" />
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="31" />
        <source>called — waiting for the person</source>
        <translation>called — waiting for the person</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="32" />
        <source>being served</source>
        <translation>being served</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="33" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="34" />
        <source>no-show</source>
        <translation>no-show</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="35" />
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="36" />
        <source>waiting after a referral</source>
        <translation>waiting after a referral</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="37" />
        <source>closed with the day</source>
        <translation>closed with the day</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="60" />
        <source>This desk lost its journal: it gives no ticket until today&apos;s queue is back from the other desks.</source>
        <extracomment>A peer not heard from for this long is shown as late.</extracomment>
        <translation>This desk lost its journal: it gives no ticket until today&apos;s queue is back from the other desks.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="65" />
        <source>Alone: no other desk of the centre is reachable. Work goes on here and is shared when they are back.</source>
        <translation>Alone: no other desk of the centre is reachable. Work goes on here and is shared when they are back.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="76" />
        <source>{desk} (not heard for {s} s)</source>
        <translation>{desk} (not heard for {s} s)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="82" />
        <source>{desk} ({n} events behind)</source>
        <translation>{desk} ({n} events behind)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="86" />
        <source>Linked with {desks}</source>
        <translation>Linked with {desks}</translation>
    </message>
</context>
<context>
    <name>TicketPreviewDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="54" />
        <source>{paper}: {width:.0f} × {height:.0f} mm</source>
        <translation>{paper}: {width:.0f} × {height:.0f} mm</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="63" />
        <source>Ticket {code} as printed</source>
        <translation>Ticket {code} as printed</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="70" />
        <source>Print again (Enter)</source>
        <translation>Print again (Enter)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="73" />
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="77" />
        <source>Ticket {code}: preview</source>
        <translation>Ticket {code}: preview</translation>
    </message>
</context>
<context>
    <name>TriageView</name>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="163" />
        <source>Next arrival: the person&apos;s language (press its key)</source>
        <extracomment>The key of each language on the first screen, most frequent at the centres first.</extracomment>
        <translation>Next arrival: the person&apos;s language (press its key)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="164" />
        <source>Summary: check with the person, then Enter</source>
        <translation>Summary: check with the person, then Enter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="179" />
        <source>F4 appointment check-in · F6 import appointments</source>
        <translation>F4 appointment check-in · F6 import appointments</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="184" />
        <source>Backspace goes back · Ctrl+Z undoes · F2 starts over with the next arrival</source>
        <translation>Backspace goes back · Ctrl+Z undoes · F2 starts over with the next arrival</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="190" />
        <source>Enter issues · Backspace goes back · Ctrl+Z undoes · F2 next arrival</source>
        <translation>Enter issues · Backspace goes back · Ctrl+Z undoes · F2 next arrival</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="238" />
        <source>Information only — {text}</source>
        <translation>Information only — {text}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="283" />
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="288" />
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="295" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="284" />
        <source>staff member</source>
        <translation>staff member</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="285" />
        <source>telephone translation</source>
        <translation>telephone translation</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="288" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="293" />
        <source>yes, {n} case(s)</source>
        <translation>yes, {n} case(s)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="298" />
        <source>add</source>
        <translation>add</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="304" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="305" />
        <source>Interpreter</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="306" />
        <source>Children Space</source>
        <translation>Children Space</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="307" />
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="308" />
        <source>Lawyer</source>
        <translation>Lawyer</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="309" />
        <source>Another matter</source>
        <translation>Another matter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="320" />
        <source>How many people? Press 2 to 9.</source>
        <translation>How many people? Press 2 to 9.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="326" />
        <source>Type the lawyer&apos;s professional number.</source>
        <translation>Type the lawyer&apos;s professional number.</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <location filename="../cnaim_desk/app.py" line="399" />
        <location filename="../cnaim_desk/app.py" line="405" />
        <location filename="../cnaim_desk/app.py" line="411" />
        <source>CNAIM Desk cannot start</source>
        <extracomment>A few people already waiting when the demo opens: (service, priority, language). What a board-only PC shows while no desk feeds it (the board&apos;s words are public: Portuguese and English, as its other words). Widths at which the reception (triage, summary and side panel) and a counter read well; a window whose texts need more (the counter&apos;s buttons in Portuguese) is given more.</extracomment>
        <translation>CNAIM Desk cannot start</translation>
    </message>
</context>
</TS>
