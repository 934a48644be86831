<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
<context>
    <name>Action</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="45" />
        <source>called</source>
        <translation>chamada</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="46" />
        <source>recalled</source>
        <translation>chamada de novo</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="47" />
        <source>started</source>
        <translation>iniciada</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="48" />
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="49" />
        <source>marked as a no-show</source>
        <translation>marcada como falta</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="50" />
        <source>reinstated</source>
        <translation>reposta na fila</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="51" />
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="52" />
        <source>referred</source>
        <translation>encaminhada</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="53" />
        <source>checked in</source>
        <translation>registada à chegada</translation>
    </message>
</context>
<context>
    <name>CounterIdentityDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="28" />
        <source>This counter</source>
        <translation>Este balcão</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="32" />
        <source>The board calls people to this counter by its name and directs them by its floor and side. Leave the name empty to use the desk id, {desk}.</source>
        <translation>O painel chama as pessoas para este balcão pelo seu nome e indica-lhes o piso e o lado. Deixe o nome vazio para usar a identificação do posto, {desk}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="43" />
        <source>e.g. Piso 1</source>
        <translation>p. ex. Piso 1</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="45" />
        <source>e.g. esquerda</source>
        <translation>p. ex. esquerda</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="47" />
        <source>&amp;Name on the board:</source>
        <translation>&amp;Nome no painel:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="48" />
        <source>&amp;Floor:</source>
        <translation>&amp;Piso:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="49" />
        <source>&amp;Side:</source>
        <translation>&amp;Lado:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="56" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/identity_dialog.py" line="58" />
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="296" />
        <source>CNAIM Desk — Counter {desk}</source>
        <extracomment>A scanned or chosen ticket in these can be called out of turn. The steps that act on the ticket at the counter, by button name. The steps by which a counter takes a person; two counters taking the same one are told. The refused steps this counter was told of (each once, however often a sync brings the ticket again).</extracomment>
        <translation>CNAIM Desk — Balcão {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="299" />
        <source>At this counter</source>
        <translation>Neste balcão</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="300" />
        <source>Services served</source>
        <translation>Serviços atendidos</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="307" />
        <source>Call next (F5)</source>
        <translation>Chamar o seguinte (F5)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="308" />
        <source>Recall (F6)</source>
        <translation>Voltar a chamar (F6)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="309" />
        <source>Start (F7)</source>
        <translation>Iniciar (F7)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="311" />
        <source>No-show (F9)</source>
        <translation>Não compareceu (F9)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="317" />
        <source>Call this ticket (F4)</source>
        <translation>Chamar esta senha (F4)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="322" />
        <source>Ticket</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="323" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="568" />
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="324" />
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="325" />
        <source>Language</source>
        <translation>Língua</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="330" />
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="328" />
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="297" />
        <source>&amp;Counter</source>
        <translation>&amp;Balcão</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="298" />
        <source>&amp;Name and place on the board…</source>
        <translation>&amp;Nome e lugar no painel…</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="301" />
        <source>Technician:</source>
        <translation>Técnico:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="302" />
        <source>your name or initials</source>
        <translation>o seu nome ou iniciais</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="303" />
        <source>Technician&apos;s name or initials</source>
        <translation>Nome ou iniciais do técnico</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="304" />
        <source>Sign in (Ctrl+I)</source>
        <translation>Entrar (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="305" />
        <source>Close the counter (Ctrl+W)</source>
        <translation>Fechar o balcão (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="310" />
        <source>Finish… (F8)</source>
        <translation>Terminar… (F8)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="312" />
        <source>Refer… (F10)</source>
        <translation>Encaminhar… (F10)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="318" />
        <source>Came back: reinstate (F11)</source>
        <translation>Voltou: repor na fila (F11)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="319" />
        <source>Waiting, in calling order (Enter calls the one chosen)</source>
        <translation>Em espera, pela ordem de chamada (Enter chama a escolhida)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="326" />
        <source>Interpreter</source>
        <translation>Intérprete</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="327" />
        <source>Children</source>
        <translation>Crianças</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="329" />
        <source>Appointment</source>
        <translation>Marcação</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="371" />
        <source>The counter is closed. F12 opens it again.</source>
        <translation>O balcão está fechado. F12 volta a abri-lo.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="377" />
        <source>Paused: people are not called here. F12 to go on.</source>
        <translation>Em pausa: ninguém é chamado para aqui. F12 para continuar.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="401" />
        <source>Type your name or initials to sign in.</source>
        <translation>Escreva o seu nome ou iniciais para entrar.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="408" />
        <source>Signed in as {name}.</source>
        <translation>Entrou como {name}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="428" />
        <source>The counter is paused: press F12 to open it, then call.</source>
        <translation>O balcão está em pausa: prima F12 para o abrir e depois chame.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="430" />
        <source>The counter is closed: press F12 to open it, then call.</source>
        <translation>O balcão está fechado: prima F12 para o abrir e depois chame.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="436" />
        <source>Choose at least one service to call for.</source>
        <translation>Escolha pelo menos um serviço para chamar.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="459" />
        <source>Choose a ticket in the list, or scan one, to call it.</source>
        <translation>Escolha uma senha na lista, ou leia uma, para a chamar.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="496" />
        <source>No one is waiting for these services.</source>
        <translation>Ninguém está à espera destes serviços.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="512" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="539" />
        <source>No ticket at this counter: call the next person first.</source>
        <translation>Não há senha neste balcão: chame primeiro a pessoa seguinte.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="532" />
        <source>{code} did not come after {n} recalls: marked a no-show. If the person comes back, scan the ticket and press F11.</source>
        <translation>{code} não compareceu depois de {n} repetições da chamada: marcada como falta. Se a pessoa voltar, leia a senha e prima F11.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="542" />
        <source>Start serving {code} first (F7).</source>
        <translation>Comece primeiro o atendimento de {code} (F7).</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="546" />
        <source>How did it end for {code}?</source>
        <translation>Como terminou o atendimento de {code}?</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="548" />
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="554" />
        <source>Call or scan the ticket to refer first.</source>
        <translation>Chame ou leia primeiro a senha a encaminhar.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="563" />
        <source>Refer {code} to another service: same ticket, same place in time</source>
        <translation>Encaminhar {code} para outro serviço: a mesma senha, o mesmo lugar no tempo</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="567" />
        <source>Refer</source>
        <translation>Encaminhar</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="570" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="583" />
        <source>Call or scan the ticket to cancel first.</source>
        <translation>Chame ou leia primeiro a senha a cancelar.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="587" />
        <source>Cancel ticket {code}? The person will need a new ticket.</source>
        <translation>Cancelar a senha {code}? A pessoa vai precisar de uma senha nova.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="590" />
        <source>Cancel {code}</source>
        <translation>Cancelar {code}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="591" />
        <source>Cancel the ticket</source>
        <translation>Cancelar a senha</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="592" />
        <source>Keep it</source>
        <translation>Manter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="612" />
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="650" />
        <source>{code} goes on to {service}, keeping its place in time.</source>
        <translation>{code} segue para {service}, mantendo o seu lugar no tempo.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="663" />
        <source>{code} sent to {service}: it waits there with its place in time.</source>
        <translation>{code} encaminhada para {service}: espera lá com o seu lugar no tempo.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="675" />
        <source>{code} cancelled.</source>
        <translation>{code} cancelada.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="681" />
        <source>Scan the ticket of the person who came back, then press F11.</source>
        <translation>Leia a senha da pessoa que voltou e prima F11.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="691" />
        <source>{code} is back in the queue, with its place in time.</source>
        <translation>{code} voltou à fila, com o seu lugar no tempo.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="738" />
        <source>{code} was also called at {other} while the desks could not reach each other, and {other} called first: {code} goes there. Call the next person.</source>
        <translation>{code} também foi chamado em {other} enquanto os postos não se alcançavam, e {other} chamou primeiro: {code} vai para lá. Chame a pessoa seguinte.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="746" />
        <source>{code} was also called at {other} while the desks could not reach each other; this counter called first: {code} stays here.</source>
        <translation>{code} também foi chamado em {other} enquanto os postos não se alcançavam; este balcão chamou primeiro: {code} fica aqui.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="786" />
        <source>Counter {name}</source>
        <translation>Balcão {name}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="791" />
        <source>● Open</source>
        <translation>● Aberto</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="792" />
        <source>❚❚ Paused</source>
        <translation>❚❚ Em pausa</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="793" />
        <source>■ Closed</source>
        <translation>■ Fechado</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="796" />
        <source>Pause (F12)</source>
        <translation>Pausa (F12)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="796" />
        <source>Open (F12)</source>
        <translation>Abrir (F12)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="802" />
        <source>Today here: {called} called · {served} served · {missed} no-shows</source>
        <translation>Hoje aqui: {called} chamadas · {served} atendidas · {missed} faltas</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="806" />
        <source>median service {minutes} min</source>
        <translation>atendimento mediano {minutes} min</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="811" />
        <source>{name}: {served} served</source>
        <translation>{name}: {served} atendidas</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="819" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="877" />
        <source>staff member</source>
        <translation>técnico</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="820" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="879" />
        <source>by telephone</source>
        <translation>por telefone</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="829" />
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="847" />
        <source>Scanned: {code}</source>
        <translation>Lida: {code}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="850" />
        <source>next in line</source>
        <translation>é a seguinte</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="852" />
        <source>{n} ahead</source>
        <translation>{n} à frente</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="854" />
        <source>called by {desk}</source>
        <translation>chamada por {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="865" />
        <source>Free. Press F5 to call the next person.</source>
        <translation>Livre. Prima F5 para chamar a pessoa seguinte.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="856" />
        <location filename="../cnaim_desk/ui/counter/window.py" line="872" />
        <source>language: {name}</source>
        <translation>língua: {name}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="876" />
        <source>interpreter: {how}</source>
        <translation>intérprete: {how}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="883" />
        <source>group of {n}</source>
        <translation>grupo de {n}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="885" />
        <source>children in the Children Space</source>
        <translation>crianças no Espaço Criança</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="888" />
        <source>appointment at {time}</source>
        <translation>marcação às {time}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="893" />
        <source>then: {services}</source>
        <translation>depois: {services}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="896" />
        <source>priority: {category}</source>
        <translation>prioridade: {category}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/counter/window.py" line="899" />
        <source>recalled {n}×</source>
        <translation>chamada repetida {n}×</translation>
    </message>
</context>
<context>
    <name>DeskMenu</name>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="73" />
        <source>&amp;Desk</source>
        <translation>&amp;Posto</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="77" />
        <source>none — tickets saved as PDF</source>
        <translation>nenhuma — senhas guardadas em PDF</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="79" />
        <source>&amp;Printer… ({printer})</source>
        <translation>&amp;Impressora… ({printer})</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="80" />
        <source>P&amp;aper</source>
        <translation>P&amp;apel</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="83" />
        <source>Interface &amp;language</source>
        <translation>&amp;Língua da interface</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="84" />
        <source>Desks of the &amp;centre…</source>
        <translation>Postos do &amp;centro…</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/desk_menu.py" line="85" />
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
</context>
<context>
    <name>DesksDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="126" />
        <location filename="../cnaim_desk/ui/sync_status.py" line="127" />
        <source>Desks of the centre</source>
        <translation>Postos do centro</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="130" />
        <source>Desk</source>
        <translation>Posto</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="131" />
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="132" />
        <source>Reach</source>
        <translation>Ligação</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="133" />
        <source>Last heard</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="134" />
        <source>Behind</source>
        <translation>Atraso</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="137" />
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="142" />
        <source>reception</source>
        <translation>receção</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="143" />
        <source>counter</source>
        <translation>balcão</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="144" />
        <source>board</source>
        <translation>painel</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="149" />
        <source>revoked</source>
        <translation>revogado</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="151" />
        <source>linked</source>
        <translation>ligado</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="153" />
        <source>through other desks</source>
        <translation>através de outros postos</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="154" />
        <source>out of reach</source>
        <translation>inalcançável</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="158" />
        <source>now</source>
        <translation>agora</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="160" />
        <source>not since this desk started</source>
        <translation>não desde que este posto arrancou</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="161" />
        <source>{s} s ago</source>
        <translation>há {s} s</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="167" />
        <source>in step</source>
        <translation>em dia</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="168" />
        <source>{n} events behind</source>
        <translation>{n} eventos em atraso</translation>
    </message>
</context>
<context>
    <name>FindTicketDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="57" />
        <source>Find a ticket (F7)</source>
        <extracomment>A ticket is printed again only while its holder still needs it.</extracomment>
        <translation>Procurar uma senha (F7)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="58" />
        <source>Print again (Enter)</source>
        <translation>Imprimir de novo (Enter)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="59" />
        <source>Close (Esc)</source>
        <translation>Fechar (Esc)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="60" />
        <source>Ticket found</source>
        <translation>Senha encontrada</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="64" />
        <source>Scan the ticket&apos;s QR code — on paper or on a photo on the person&apos;s phone — or type its code, then Enter.</source>
        <translation>Leia o código QR da senha — no papel ou numa fotografia no telemóvel da pessoa — ou escreva o seu código e prima Enter.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="86" />
        <source>issued at {time}</source>
        <translation>emitida às {time}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="87" />
        <source>language: {name}</source>
        <translation>língua: {name}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="90" />
        <source>printed again {n}×</source>
        <translation>reimpressa {n}×</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/find_dialog.py" line="93" />
        <source>no longer in the queue: not printed again</source>
        <translation>já não está na fila: não se reimprime</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="104" />
        <source>Served: done what they came for</source>
        <translation>Atendida: feito o que veio tratar</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="105" />
        <source>Documents missing: to come back</source>
        <translation>Faltam documentos: volta depois</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="106" />
        <source>A later appointment booked</source>
        <translation>Marcada uma nova data</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="107" />
        <source>Information only</source>
        <translation>Só informação</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="108" />
        <source>Not a matter for this service</source>
        <translation>Assunto de outro serviço</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="29" />
        <source>80 mm receipt roll</source>
        <extracomment>Drawn a little larger than life, to be read on a desk screen.</extracomment>
        <translation>Rolo de talões de 80 mm</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="30" />
        <source>58 mm receipt roll</source>
        <translation>Rolo de talões de 58 mm</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="31" />
        <source>A6 card (105 × 148 mm)</source>
        <translation>Cartão A6 (105 × 148 mm)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="32" />
        <source>A4 sheet</source>
        <translation>Folha A4</translation>
    </message>
</context>
<context>
    <name>PrinterDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="113" />
        <source>Ticket printer</source>
        <translation>Impressora de senhas</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="114" />
        <source>No printer: save each ticket as a PDF</source>
        <translation>Sem impressora: guardar cada senha em PDF</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="115" />
        <source>A printer of this computer:</source>
        <translation>Uma impressora deste computador:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="116" />
        <source>A receipt printer without a driver (ESC/POS):</source>
        <translation>Uma impressora de talões sem controlador (ESC/POS):</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="117" />
        <source>Printers of this computer</source>
        <translation>Impressoras deste computador</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="119" />
        <source>Receipt printer address (tcp://host:port) or device file</source>
        <translation>Endereço da impressora de talões (tcp://máquina:porta) ou ficheiro de dispositivo</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="121" />
        <source>Print a &amp;test ticket</source>
        <translation>Imprimir uma senha de &amp;teste</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="122" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="123" />
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="140" />
        <source>This computer has no printer installed.</source>
        <translation>Este computador não tem nenhuma impressora instalada.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="142" />
        <source>Give the printer&apos;s address as tcp://host:port, or its device file.</source>
        <translation>Indique o endereço da impressora como tcp://máquina:porta, ou o seu ficheiro de dispositivo.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="164" />
        <source>Ready.</source>
        <translation>Pronta.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="165" />
        <source>Not ready: {reason}.</source>
        <translation>Não está pronta: {reason}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="177" />
        <source>✔ Test ticket sent to {where}.</source>
        <translation>✔ Senha de teste enviada para {where}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/printer_dialog.py" line="182" />
        <source>The test ticket was not printed: {reason}</source>
        <translation>A senha de teste não foi impressa: {reason}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../cnaim_desk/printing/cups.py" line="80" />
        <source>it is not in the print system</source>
        <translation>não está no sistema de impressão</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/cups.py" line="82" />
        <source>paused</source>
        <translation>em pausa</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/cups.py" line="83" />
        <source>it is stopped ({reasons})</source>
        <translation>está parada ({reasons})</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/cups.py" line="85" />
        <source>it is refusing new jobs</source>
        <translation>está a recusar novos trabalhos</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="87" />
        <source>The receipt printer address {address} is not valid</source>
        <translation>O endereço da impressora de talões {address} não é válido</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="103" />
        <source>The receipt printer at {target} cannot be reached ({reason})</source>
        <translation>A impressora de talões em {target} não responde ({reason})</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="131" />
        <source>it stopped answering</source>
        <translation>deixou de responder</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="133" />
        <source>the line broke</source>
        <translation>a ligação caiu</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/escpos.py" line="136" />
        <source>The receipt printer at {target} did not take the whole ticket: {how}</source>
        <translation>A impressora de talões em {target} não recebeu a senha inteira: {how}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="55" />
        <source>The printer {name} is not available.</source>
        <translation>A impressora {name} não está disponível.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="58" />
        <source>The printer {name} cannot print: {problem}.</source>
        <translation>A impressora {name} não pode imprimir: {problem}.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="62" />
        <source>The printer {name} reports an error.</source>
        <translation>A impressora {name} indica um erro.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="112" />
        <source>Could not save the ticket: {reason}</source>
        <translation>Não foi possível guardar a senha: {reason}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="124" />
        <source>The printer {name} did not accept the ticket.</source>
        <translation>A impressora {name} não aceitou a senha.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/printing/printers.py" line="133" />
        <source>The printer {name} reported an error.</source>
        <translation>A impressora {name} indicou um erro.</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="18" />
        <source>No priority</source>
        <translation>Sem prioridade</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="20" />
        <source>Disability</source>
        <translation>Deficiência</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="21" />
        <source>Elderly (65+)</source>
        <translation>Idoso (65+)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="22" />
        <source>Pregnancy</source>
        <translation>Gravidez</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="23" />
        <source>Child up to 2</source>
        <translation>Criança até 2 anos</translation>
    </message>
</context>
<context>
    <name>ReceptionWindow</name>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="209" />
        <source>CNAIM Desk — Reception {desk}</source>
        <translation>CNAIM Desk — Receção {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="212" />
        <source>Welcome and Screening · {centre} · desk {desk}</source>
        <translation>Acolhimento e Triagem · {centre} · posto {desk}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="216" />
        <source>Waiting now</source>
        <translation>Em espera agora</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="219" />
        <location filename="../cnaim_desk/ui/reception/window.py" line="228" />
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="221" />
        <source>Wait</source>
        <translation>Espera</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="220" />
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="222" />
        <source>Left</source>
        <translation>Restam</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="223" />
        <source>Until</source>
        <translation>Até</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="226" />
        <source>Appointments today (F4 check-in, F6 import)</source>
        <translation>Marcações de hoje (F4 registar chegada, F6 importar)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="228" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="228" />
        <source>Booking</source>
        <translation>Marcação</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="228" />
        <source>Ticket</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="230" />
        <source>Last ticket</source>
        <translation>Última senha</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="231" />
        <source>Reprint (Ctrl+P)</source>
        <translation>Reimprimir (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="232" />
        <source>Preview (Ctrl+Shift+P)</source>
        <translation>Pré-visualizar (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="233" />
        <source>Open PDF</source>
        <translation>Abrir PDF</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="234" />
        <source>Last ticket number</source>
        <translation>Número da última senha</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="413" />
        <source>Information only: recorded, no ticket.</source>
        <translation>Só informação: registada, sem senha.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="427" />
        <source>Not issued: {reason}</source>
        <translation>Não emitida: {reason}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="460" />
        <source>No ticket: a booking slip was printed.</source>
        <translation>Sem senha: foi impresso um talão para marcar.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="477" />
        <location filename="../cnaim_desk/ui/reception/window.py" line="483" />
        <source>Lawyer or representative</source>
        <translation>Advogado ou representante</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="477" />
        <source>Professional number:</source>
        <translation>Número da cédula profissional:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="484" />
        <source>Cases today (at most {cap} a day):</source>
        <translation>Processos hoje (no máximo {cap} por dia):</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="497" />
        <source>Appointment check-in</source>
        <translation>Chegada de marcação</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="497" />
        <source>Booking reference:</source>
        <translation>Referência da marcação:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="514" />
        <source>late for the appointment: normal queue</source>
        <translation>chegou tarde à marcação: fila normal</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="519" />
        <source>Import the day&apos;s appointments</source>
        <translation>Importar as marcações do dia</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="519" />
        <source>CSV files (*.csv)</source>
        <translation>Ficheiros CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="529" />
        <location filename="../cnaim_desk/ui/reception/window.py" line="547" />
        <source>Appointments not imported</source>
        <translation>Marcações não importadas</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="548" />
        <source>Nothing was imported. Correct these lines and import again:</source>
        <translation>Nada foi importado. Corrija estas linhas e importe de novo:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="555" />
        <source>{added} appointment(s) imported, {unchanged} already there.</source>
        <translation>{added} marcação(ões) importada(s), {unchanged} já existia(m).</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="602" />
        <source>F2 starts with the next arrival.</source>
        <translation>F2 começa com a pessoa seguinte.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="663" />
        <source>appointment</source>
        <translation>marcação</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="609" />
        <source>next in line</source>
        <translation>é a seguinte</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="611" />
        <source>{n} ahead</source>
        <translation>{n} à frente</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="613" />
        <source>about {n} min</source>
        <translation>cerca de {n} min</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="615" />
        <source>no wait estimate yet</source>
        <translation>ainda sem previsão de espera</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="625" />
        <source>✔ Saved as PDF: {path}</source>
        <translation>✔ Guardada em PDF: {path}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="627" />
        <source>✔ Printed on {printer}</source>
        <translation>✔ Impressa em {printer}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/window.py" line="631" />
        <source>Not printed: {reason} The ticket is valid: tell the person their number, {code}, and reprint when the printer is back.</source>
        <translation>Não impressa: {reason} A senha é válida: diga à pessoa o seu número, {code}, e reimprima quando a impressora voltar.</translation>
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
        <translation>Enviada para o serviço errado</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="117" />
        <source>Another matter, at that service</source>
        <translation>Outro assunto, nesse serviço</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="118" />
        <source>Needs a document from that service first</source>
        <translation>Precisa primeiro de um documento desse serviço</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="119" />
        <source>Needs that service&apos;s interpreter</source>
        <translation>Precisa do intérprete desse serviço</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="120" />
        <source>Other reason</source>
        <translation>Outro motivo</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="62" />
        <source>This is not a CNAIM ticket code.</source>
        <translation>Isto não é um código de senha do CNAIM.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="63" />
        <source>This ticket code is damaged or forged: it was not issued here.</source>
        <translation>Este código de senha está danificado ou foi falsificado: não foi emitido aqui.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="66" />
        <source>This ticket is from another centre ({centre}): it is not valid here.</source>
        <translation>Esta senha é de outro centro ({centre}): não é válida aqui.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="69" />
        <source>This ticket is from another day ({day}): it is not valid today.</source>
        <translation>Esta senha é de outro dia ({day}): não é válida hoje.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="72" />
        <source>Scan a ticket, or type its code.</source>
        <translation>Leia uma senha, ou escreva o seu código.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="75" />
        <source>There is no ticket {ref} today.</source>
        <translation>Não há nenhuma senha {ref} hoje.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="78" />
        <source>Ticket {code} is {status}; it cannot be {action}.</source>
        <translation>A senha {code} não pode ser {action}: o seu estado é «{status}».</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="87" />
        <source>The disk of this desk is full: nothing was saved. Free some space on it (or call IT support), then try again.</source>
        <translation>O disco deste posto está cheio: nada foi guardado. Liberte espaço no disco (ou chame o apoio informático) e tente de novo.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="92" />
        <source>This desk&apos;s database did not take the change ({reason}): nothing was saved.</source>
        <translation>A base de dados deste posto não aceitou a alteração ({reason}): nada foi guardado.</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <location filename="../cnaim_desk/ui/scan.py" line="57" />
        <source>Scan or type a ticket:</source>
        <translation>Ler ou escrever uma senha:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/scan.py" line="58" />
        <source>QR code, or a code such as S023</source>
        <translation>Código QR, ou um código como S023</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/scan.py" line="59" />
        <source>Ticket to open: scan its QR code or type its code</source>
        <translation>Senha a abrir: leia o código QR ou escreva o código</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="81" />
        <source>Set up CNAIM Desk</source>
        <translation>Configurar o CNAIM Desk</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="84" />
        <source>This computer is not a desk yet. Choose its centre, a short desk id (R1 for a reception desk, C4 for counter 4, B1 for a board) and its role, or try the demo centre first.</source>
        <translation>Este computador ainda não é um posto. Escolha o centro, um identificador curto (R1 para um posto de receção, C4 para o balcão 4, B1 para um ecrã de chamada) e a função, ou experimente primeiro o centro de demonstração.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="89" />
        <source>&amp;Centre:</source>
        <translation>&amp;Centro:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="90" />
        <source>&amp;Desk id:</source>
        <translation>&amp;Identificador do posto:</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="91" />
        <source>&amp;Role:</source>
        <translation>&amp;Função:</translation>
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
        <translation>Receção (acolhimento e triagem)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="100" />
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="101" />
        <source>Calling board</source>
        <translation>Ecrã de chamada</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="109" />
        <source>&amp;Set up this desk</source>
        <translation>&amp;Configurar este posto</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="110" />
        <source>Try the &amp;demo</source>
        <translation>Experimentar a &amp;demonstração</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="111" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/setup_dialog.py" line="123" />
        <source>Type a desk id, such as R1.</source>
        <translation>Escreva um identificador de posto, por exemplo R1.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="30" />
        <source>waiting</source>
        <translation>em espera</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="31" />
        <source>called — waiting for the person</source>
        <translation>chamada — à espera da pessoa</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="32" />
        <source>being served</source>
        <translation>em atendimento</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="33" />
        <source>done</source>
        <translation>concluída</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="34" />
        <source>no-show</source>
        <translation>não compareceu</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="35" />
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="36" />
        <source>waiting after a referral</source>
        <translation>em espera após encaminhamento</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/labels.py" line="37" />
        <source>closed with the day</source>
        <translation>fechada com o dia</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="60" />
        <source>This desk lost its journal: it gives no ticket until today&apos;s queue is back from the other desks.</source>
        <extracomment>A peer not heard from for this long is shown as late.</extracomment>
        <translation>Este posto perdeu o seu registo: não emite senhas até recuperar dos outros postos a fila de hoje.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="65" />
        <source>Alone: no other desk of the centre is reachable. Work goes on here and is shared when they are back.</source>
        <translation>Sozinho: nenhum outro posto do centro está ao alcance. O trabalho continua aqui e é partilhado quando eles voltarem.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="76" />
        <source>{desk} (not heard for {s} s)</source>
        <translation>{desk} (sem notícias há {s} s)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="82" />
        <source>{desk} ({n} events behind)</source>
        <translation>{desk} ({n} eventos em atraso)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/sync_status.py" line="86" />
        <source>Linked with {desks}</source>
        <translation>Ligado a {desks}</translation>
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
        <translation>Senha {code} tal como é impressa</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="70" />
        <source>Print again (Enter)</source>
        <translation>Imprimir de novo (Enter)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="73" />
        <source>Close (Esc)</source>
        <translation>Fechar (Esc)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/preview.py" line="77" />
        <source>Ticket {code}: preview</source>
        <translation>Senha {code}: pré-visualização</translation>
    </message>
</context>
<context>
    <name>TriageView</name>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="163" />
        <source>Next arrival: the person&apos;s language (press its key)</source>
        <extracomment>The key of each language on the first screen, most frequent at the centres first.</extracomment>
        <translation>Pessoa seguinte: a língua da pessoa (prima a tecla)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="164" />
        <source>Summary: check with the person, then Enter</source>
        <translation>Resumo: confirme com a pessoa e prima Enter</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="179" />
        <source>F4 appointment check-in · F6 import appointments</source>
        <translation>F4 chegada de marcação · F6 importar marcações</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="184" />
        <source>Backspace goes back · Ctrl+Z undoes · F2 starts over with the next arrival</source>
        <translation>Retrocesso volta atrás · Ctrl+Z anula · F2 recomeça com a pessoa seguinte</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="190" />
        <source>Enter issues · Backspace goes back · Ctrl+Z undoes · F2 next arrival</source>
        <translation>Enter emite · Retrocesso volta atrás · Ctrl+Z anula · F2 pessoa seguinte</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="238" />
        <source>Information only — {text}</source>
        <translation>Só informação — {text}</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="283" />
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="288" />
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="295" />
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="284" />
        <source>staff member</source>
        <translation>técnico</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="285" />
        <source>telephone translation</source>
        <translation>tradução telefónica</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="288" />
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="293" />
        <source>yes, {n} case(s)</source>
        <translation>sim, {n} processo(s)</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="298" />
        <source>add</source>
        <translation>acrescentar</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="304" />
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="305" />
        <source>Interpreter</source>
        <translation>Intérprete</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="306" />
        <source>Children Space</source>
        <translation>Espaço Criança</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="307" />
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="308" />
        <source>Lawyer</source>
        <translation>Advogado</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="309" />
        <source>Another matter</source>
        <translation>Outro assunto</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="320" />
        <source>How many people? Press 2 to 9.</source>
        <translation>Quantas pessoas? Prima de 2 a 9.</translation>
    </message>
    <message>
        <location filename="../cnaim_desk/ui/reception/triage_view.py" line="326" />
        <source>Type the lawyer&apos;s professional number.</source>
        <translation>Escreva o número da cédula profissional do advogado.</translation>
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
        <translation>O CNAIM Desk não pode arrancar</translation>
    </message>
</context>
</TS>
