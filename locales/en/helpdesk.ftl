## The residents' help desk. The answers themselves are in locales/kb/en.toml.

hd-menu-ask = Questions and how-tos
hd-menu-visit = Ask the team to help at home
hd-menu-alerts = Ward announcements
hd-menu-requests = Residents asking for help
hd-menu-ward-entries = Ward information for residents
hd-menu-title-resident = What would you like to do? You can also just type a question, for example: forgot VNeID password.

hd-ask = Type your question in a few words (with or without Vietnamese accents), for example "change VNeID phone number", "pay fees online". Or browse the topics.
hd-greeting = Hello! I answer questions about VNeID, public services online, cashless payment and online scams.
hd-thanks = You are welcome! Ask again any time, or tap "Ask the team to help at home" for someone to come and help.
hd-too-long = That question is too long (at most { $max } characters). A few key words are enough.
hd-choose = I am not sure which of these you mean. Is it one of them?
hd-btn-none-of-these = None of these
hd-unknown = Sorry, I don't have a reliable answer to that. I noted the question (without anything about you) so that an answer can be added. You can ask the community digital team for help, or browse the topics.
hd-unknown-unkept = Sorry, I did not understand that. You can write it in a few more words, ask the community digital team for help, or browse the topics.
hd-after = Anything else?
hd-btn-again = Ask another question
hd-btn-topics = Browse topics
hd-btn-handoff = Ask someone to help at home
hd-topics = Pick a topic:
hd-entries = Pick what you need:
hd-source = Source: { $source } · Reviewed: { $reviewed }
hd-basis = Basis: { $basis }
hd-ask-ward = Which ward or commune do you live in?
hd-ward-missing = Your ward has not filled in "{ $title }" yet. You can ask the community digital team for help.

## Asking the team to help at home
hd-visit-no-ward = No ward uses Ngõ Số yet, so I cannot pass your request on. Please contact your ward directly.
hd-visit-go-on = Your request for a home visit is still open; here is where we were:
hd-visit-ask-group = Which residential group (tổ dân phố / thôn) do you live in? That group's digital team will get the request.
hd-visit-group-unknown = I don't know
hd-visit-ask-time = When would suit you?
hd-time-morning = Morning
hd-time-afternoon = Afternoon
hd-time-evening = Evening
hd-time-weekend = The weekend
hd-time-any = Any time
hd-visit-ask-consent =
    May the team phone you to agree on a time?
    If you agree, I store the phone number you type. Only the person who takes your request sees it in full; everyone else sees it masked (091****678). It is erased when the help is done, or when you type /forgetme.
    If not, the team will answer you in this chat.
hd-visit-consent-yes = Yes, I will type my number
hd-visit-consent-no = No, chat only
hd-visit-ask-phone = Type your phone number (for example 0912345678). Do not send your ID number or bank account number.
hd-visit-phone-invalid = That phone number does not look right: 10 digits starting with 0 (or +84). Please type it again.
hd-no-phone = no number left, reply in chat
hd-visit-summary =
    Please check your request:
    • Where: { $where }
    • When: { $time }
    • Phone: { $phone }
    Send it to the community digital team?
hd-visit-send = Send the request
hd-visit-cancel = Cancel
hd-visit-cancelled = Cancelled, nothing was saved.
hd-visit-sent = Request number { $number } was sent to the community digital team ({ $where }). When someone takes it, I will tell you here.
hd-visit-sent-nobody = Request number { $number } was recorded for { $where }, but no team member or ward staff uses Ngõ Số yet to receive it. Please also contact your ward directly. When someone takes it, I will tell you here.
hd-visit-notify-team =
    🏠 A resident asks for help at home (request number { $number }):
    • Where: { $where }
    • When: { $time }
    • Phone: { $phone }
    Open "Residents asking for help" on the main screen to take it.
hd-visit-taken-resident = Your request number { $number } has been taken: { $name } (community digital team) will get in touch with you.

## The team's list of requests
hd-req-list = Requests nobody has taken: { $open }. Taken by you: { $mine }.
hd-req-label = No. { $number }: { $time }, by { $due }
hd-req-mine-label = (yours) { $label }
hd-req-detail =
    Request number { $number }
    • When: { $time } (by { $due })
    • Phone: { $phone }
hd-req-what-now = What would you like to do?
hd-req-btn-take = I will take it
hd-req-btn-done = Help given, close it
hd-req-taken = ✅ You took this request. The resident has been told.
hd-req-taken-already = Someone else has just taken this request.
hd-req-closed = ✅ Request closed. The resident's phone number has been erased.
hd-req-gone = This request is no longer there.

## Ward announcements
hd-alerts-members = Team members get announcements through their team and ward; no need to subscribe here.
hd-alerts-on = You receive the announcements of { $ward } (scam warnings, for example).
hd-alerts-off = Would you like the announcements of { $ward } (scam warnings, for example) in this chat? I only keep this chat and the ward you picked.
hd-alerts-btn-on = Receive announcements
hd-alerts-btn-off = Stop announcements
hd-alerts-subscribed = ✅ Subscribed. You can stop at any time here.
hd-alerts-unsubscribed = You will no longer receive announcements.

## Ward staff fill in their ward's information
hd-ward-pick = Residents asking about the ward read these entries. Pick one to write or change (✅ = written):
hd-ward-nothing-yet = (nothing yet)
hd-ward-ask-text =
    Now: { $current }
    Type the new text (at most { $max } characters), for example the address, opening hours or phone number of the one-stop office.
hd-ward-btn-remove = Remove this entry
hd-ward-text-length = The text needs 5 to { $max } characters. Please type it again.
hd-ward-saved = ✅ "{ $title }" saved. The ward's residents can read it now.
hd-ward-removed = Entry removed.

## A resident's data
hd-my-data-resident =
    What I hold about you (for this chat):
    • Ward: { $ward }
    • Residential group: { $group }
    • Ward announcements: { $alerts }
hd-my-data-requests = Your requests for help at home:
hd-my-data-request-line = • No. { $number }, { $date }: { $time }, phone { $phone }, { $status }
hd-status-open = not taken yet
hd-status-taken = taken by a volunteer
hd-status-done = done
hd-yes = yes
hd-no = no
hd-unknown-value = not known
hd-my-data-questions = The questions you type are not stored with anything about you. Type /forgetme to erase what is above.
hd-forget-confirm-resident =
    Erase your data?
    The ward and group you picked, your announcement subscription and your requests for help at home (with your phone number) will be erased.
hd-forget-done-resident = Your data was erased ({ $requests } requests for help).
hd-req-btn-write = Message the resident
hd-req-ask-message = Type your message to the resident (for example a time to come, or a question about the address). The bot passes it on as written, with your name.
hd-req-message-length = A message needs 1 to 1,000 characters.
hd-req-message-sent = Your message was sent to the resident.
hd-visit-message-resident =
    A message from { $name } (digital team) about your request for help at home:
    { $text }
cmd-teach = Teach the bot an answer to a question residents asked in vain
teach-none = No unanswered questions in the last { $days } days. 👍
teach-pick = Questions residents asked that the bot could not answer (last { $days } days, most asked first). Choose one to show the bot its answer:
teach-find = Which entry does "{ $question }" ask about? Choose below, or type a few words to find it (for example: forgot password).
teach-done = Taught: from now on residents of the ward asking this get "{ $title }".
teach-not-found = No entry found yet. Type other words (for example: install VNeID, fee, scam).
