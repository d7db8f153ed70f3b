## Ngõ Số: every string users see, English.

## Conversation core
conversation-expired = The previous conversation was left unfinished for too long, so let's start again.
only-text = At this step I can only read text. Please tap a button or type your answer.
too-long = That message is too long (at most { $max } characters). Please keep it shorter.
stale-button = That button belongs to an earlier question. Here is the current one:
empty-message = I did not receive anything.
not-understood = I did not understand. Please tap a button, or type the number of a choice.
step-thanks = You're welcome 😊 Tap a button below to go on.
step-go-on = 😊 Tap a button below to go on.
step-never-mind = All right. If you no longer need this, type "cancel" to stop; otherwise tap a button below to go on.
cancelled = Cancelled what you were doing. Anything saved before stays as it was.
nothing-to-cancel = There is nothing in progress to cancel.
not-allowed = This is not available for your role.
not-allowed-for = This is not available for your role: it is only for { $who }.
who-anyone = everyone
who-resident = people who have not joined a team
who-member = members of a community digital team
who-team = team members and team leaders
who-leader = team leaders
who-manager = team leaders and ward staff
who-staff = ward staff
who-admin = the city administrator
who-inviter = team leaders and ward staff
not-allowed-join-first = This is for members of a community digital team. If your team leader or ward staff sent you an invite code, type it to join.
unknown-command = I don't know that command. Type /help to see the commands.
error-generic = Sorry, something went wrong and nothing was half-saved. Please start again (type /start).

## Main screen
welcome =
    Hello! I am Ngõ Số, the assistant of the community digital teams.
    Ask me how to use VNeID, public services online, cashless payment, how to stay safe from scams, or ask the team to help you at home. Team members with an invite code: type it to join.
menu-title = What would you like to do?
menu-title-member = Hello { $name }! What would you like to do?
menu-join = Join a team with an invite code
menu-log = Log a support session
menu-last = Edit / undo the last session
menu-stats = See figures
menu-invite-volunteer = Invite a team member
menu-invite-leader = Invite a team leader
menu-language = Ngôn ngữ / Language
menu-my-data = My data
menu-help = Help
help-text =
    Commands that work at any time:
    /start: back to the main screen
    /cancel: cancel what you are doing
    You can tap a button, type the number of a choice, or type its words (with or without Vietnamese accents).

## Joining
join-already-member = You are already a member.
join-ask-code = Type the invite code your team leader or ward staff sent you (8 characters, for example ABCD-EFGH).
btn-back = Back
join-too-many = Too many wrong codes. Please try again in { $minutes } minutes.
join-code-malformed = That is not an invite code: codes have 8 letters and digits, for example ABCD-EFGH. Please check and type it again, or type cancel to go back to the menu.
join-code-not-found = That invite code is not right. Please check each character and type it again.
join-code-expired = That invite code has expired. Please ask the person who invited you for a new one.
join-code-used-up = That invite code has been used up. Please ask the person who invited you for a new one.
join-code-revoked = That invite code was withdrawn. Please ask the person who invited you for a new one.
consent-text =
    Before you join, please read:
    • You will join as: { $role }, { $where }.
    • I store: your display name, the chat account you are using, your role, team and language, and the support sessions you log (counts and kinds of help only, never residents' names or documents).
    • Why: so your team and ward can report the help given to residents.
    • Who sees it: you, your team leader and your ward's staff. Other wards cannot.
    • Erasing: type /forgetme at any time; sessions you logged stay only as anonymous counts.
    Do you agree?
consent-text-staff =
    Before you join, please read:
    • You will join as: { $role }, { $where }.
    • I store: your display name, the chat account you are using, your role, ward and language.
    • Why: so you can see your ward's figures and invite team leaders.
    • Who sees it: you and the other staff of your ward. Other wards cannot.
    • Erasing: type /forgetme at any time.
    Do you agree?
consent-agree = I agree
consent-decline = I do not agree
consent-declined = You did not agree, so I stored nothing about you. Type your invite code again whenever you like.
join-ask-name = What should people call you? (For example: Ms Lan, Mr Tuan)
join-name-length = The name needs { $min } to { $max } characters. Please type it again.
join-name-no-numbers = A name should not hold a phone or ID number. Please type it again.
join-ask-group = Which residential group (tổ dân phố / thôn) are you in?
join-welcome = Welcome! You joined as: { $role }, { $where }.
notify-new-member = { $name } has just joined the digital team of { $group }.
role-volunteer = team member
role-leader = team leader
role-admin = city administrator
role-staff = ward staff

## Language
language-ask = Bạn muốn dùng ngôn ngữ nào? / Which language?
language-set = Switched to English.
language-name-vi = Vietnamese
language-name-en = English

## Personal data
my-data =
    What I hold about you:
    • Display name: { $name }
    • Role: { $role }
    • Where: { $where }
    • Language: { $language }
    • Chat channel: { $channel }
    • Date you consented: { $consent }
    • Support sessions you logged: { $sessions }
    Type /forgetme to erase it.
my-data-sessions = The latest { $shown } sessions you logged:
my-data-session-line = • { $date }: { $topics }, { $count ->
        [one] { $count } resident
       *[other] { $count } residents
    }
my-data-none = You have not joined a team, so I hold no personal data about you beyond the state of this conversation.
forget-nothing = I hold no personal data about you.
forget-confirm =
    Erase your data?
    Your name, chat account and role are erased and you are no longer a member. Sessions you logged stay only as anonymous counts (their notes are erased too), so the ward's totals do not change.
forget-yes = Yes, erase everything
forget-no = No
forget-done = Your data is erased. { $sessions ->
        [one] One support session is
       *[other] { $sessions } support sessions are
    } kept as anonymous counts. Thank you for your help!
forget-kept = Nothing was erased.

## Logging a support session
log-ask-topic = What did you help with? (Several: type the numbers, for example 1 4)
log-ask-priority = Which priority group were the residents in? (Several: type the numbers, for example 1 2)
log-ask-outcome = How did it end?
log-ask-due = When will you follow up? (Or type a date, for example { $example }; or a number of days, for example 5)
due-tomorrow = Tomorrow
due-3-days = In 3 days
due-week = In a week
log-due-invalid = You typed { $understood }. The follow-up date must be after today and within { $days } days (by { $latest } at the latest). Please choose again (for example { $example }).
log-date-unreadable = I cannot read that date. Please type day/month (for example { $example }), or "today", "yesterday", or a weekday such as "monday".
log-fields =
    • Help: { $topics }
    • Residents: { $count }
    • Priority group: { $priority }
    • Place: { $place }
    • Outcome: { $outcome }
    • Day: { $day }
    • Note: { $note }
log-summary = Please check before saving:
log-saved = ✅ Session saved:
log-updated = ✅ Session updated:
log-last-summary = The session you just logged:
log-outcome-due = { $outcome } (by { $date })
btn-save = ✅ Save
btn-edit-count = Change number of residents
btn-edit-place = Change place
btn-edit-day = Change day
btn-edit-note = Add / change note
btn-edit-topic = Change help given
btn-edit-priority = Change group
btn-edit-outcome = Change outcome
btn-discard = Discard, don't save
btn-discard-changes = Discard the changes
log-changes-discarded = Changes discarded; the saved session is kept as it was.
log-discarded = Discarded, nothing saved.
log-what-next = You can change or undo this session for { $minutes } minutes.
btn-log-another = Log another session
btn-edit-saved = Change this session
btn-undo = Undo this session
btn-menu = Back to the main screen
log-nothing-recent = No session was logged in the last { $minutes } minutes to change or undo.
log-edit-too-late = More than { $minutes } minutes have passed, so this session can no longer be changed or undone. If something is wrong, tell your team leader.
log-undo-confirm = Undo (delete) the session you just logged?
btn-undo-yes = Yes, undo it
btn-undo-no = No, keep it
log-undo-kept = The session is kept as it was.
log-undone = The session you just logged has been undone.
log-ask-count = How many residents did you help? Tap a button or type a number from 1 to { $max }.
log-count-invalid = The number of residents must be a number from 1 to { $max }. Please type it again.
log-ask-place = Where did you help?
log-ask-day = Which day was it? (Up to { $days } days back; or type a date, for example { $example })
log-day-invalid = You typed { $understood }. The day of the session must be from { $earliest } to today, { $today }. Please choose again.
date-needs-one-day = "{ $understood }" is a whole period; a single day is needed here. Please choose a day, or type one such as { $example }.
log-ask-note = Type a short note (at most { $max } characters). Do not write residents' names, phone numbers or ID numbers.
btn-no-note = No note
log-note-too-long = The note has { $length } characters, more than { $max }. Please make it shorter.
log-note-has-id = The note seems to hold a citizen ID number. To protect residents I never store ID numbers. Please type the note again without it.
log-note-has-phone = The note seems to hold a phone or account number. To protect residents I do not store such numbers in notes. Please type it again.

topic-vneid = Install / activate VNeID
topic-vneid_level2 = VNeID level 2
topic-vneid_wallet = VNeID document wallet
topic-public_services = Online public services
topic-cashless = Cashless payment
topic-online_safety = Online safety / scams
topic-digital_skills = Digital skills (Bình dân học vụ số)
topic-other = Something else
priority-elderly = Elderly
priority-household_business = Household business
priority-disability = Person with disability
priority-policy = Policy beneficiary
priority-none = No priority group
place-home = At home
place-community_house = Community house
place-ward_office = Ward office
place-remote = Remote (phone, Zalo)
outcome-resolved = Done
outcome-follow_up = Needs a follow-up
outcome-referred = Referred to the ward

day-today = Today ({ $date })
day-yesterday = Yesterday ({ $date })
day-weekday = { $weekday } { $date }
period-week = the week { $start } – { $end }
period-month = { $month }/{ $year } (a month)
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## Figures
stats-ask = Which figures would you like?
stats-own-this-week = My week
stats-own-last-week = My last week
stats-team-this-week = My team's week
stats-team-last-week = My team's last week
stats-ward-this-week = The ward this week
stats-ward-last-week = The ward last week
stats-title-own = Your figures
stats-title-team = Your team's figures
stats-title-ward = The whole ward's figures
stats-header = 📊 { $title }, week { $start } – { $end }
stats-totals = Support sessions: { $sessions } · Residents helped: { $residents }
stats-by-topic = By help given (sessions):
stats-by-priority = By priority group (sessions with someone of the group):
stats-by-member = By member (team leaders only):
stats-by-group = By residential group:
stats-group-line = • { $name }: { $sessions ->
        [one] { $sessions } session
       *[other] { $sessions } sessions
    }, { $residents ->
        [one] { $residents } resident
       *[other] { $residents } residents
    }
stats-active-groups = Groups with activity: { $active } of { $total }
stats-nothing-yet = No support sessions in this week.

## Invites
invite-ask-group = A team leader for which residential group?
invite-made =
    Invite code for a { $role } of { $group }: { $code }
    It works once, for { $days } days. The person types it when they message Ngõ Số.

## Web chat page
web-title = Ngõ Số: the community digital team assistant
web-placeholder = Type a message…
web-send = Send
web-offline = Connection lost, retrying…
web-intro = Chat with Ngõ Số right in your browser.

## The ward's session form: counters asked after a topic
counter-vneid_activated = VNeID accounts activated
counter-dossiers_online = Public-service dossiers submitted online
counter-payment_accounts = Payment accounts opened
log-ask-counter = { $name }? Tap 0, 1, 2, 3 or type a number.
log-counter-now = (now { $value })
log-ask-counter-number = { $name }: type a number from 0 to { $max }.
log-counter-invalid = Please give a number from 0 to { $max }, for example 2.
log-count-line = { $name }: { $value }
btn-other-number = Another number
btn-edit-counts = Change figures
btn-pick-several = ☑️ Choose several
btn-pick-done = ✔️ Done ({ $n } chosen)
pick-hint = Tap to tick or untick each one, then tap Done.
pick-none = Nothing is ticked yet: tap at least one, then tap Done.

## The ward's session form, shaped by ward staff
form-menu = The ward's session form
form-now = The ward's session form (version { $version }):
form-part-topic = Topics
form-part-priority = Priority groups
form-part-counter = Counters
form-counter-after = • "{ $name }" is asked after "{ $topic }"
form-counter-after-hidden = • "{ $name }" is asked after "{ $topic }", but that topic is hidden: it is not asked now.
form-ask-kind = Which part do you want to change? A hidden item keeps its past figures and still shows in the reports of the periods where it was used.
form-ask-item = { $part }: pick an item to rename, hide or show again, or add a new one.
form-item-hidden = { $name } (hidden)
form-add-topic = ➕ Add a topic
form-add-priority = ➕ Add a priority group
form-add-counter = ➕ Add a counter
form-item-info = "{ $name }": { $state }. What do you want to do?
form-state-shown = shown on the form
form-state-hidden = hidden (past figures kept)
form-rename = Rename
form-hide = Hide from the form
form-show = Show on the form again
form-ask-rename = Type the new name for "{ $name }" (at most { $max } characters). Past figures stay as they are.
form-ask-new-topic = Type the name of the new topic (at most { $max } characters), for example: Filing taxes online
form-ask-new-priority = Type the name of the new priority group (at most { $max } characters), for example: Students
form-ask-new-counter = Type the name of the figure to count (at most { $max } characters), for example: Banking apps installed
form-ask-counter-topic = After which topic is "{ $name }" asked?
form-renamed = "{ $before }" is now "{ $name }". Form version { $version }.
form-hidden-done = "{ $name }" is hidden from the form; its past figures are kept. Form version { $version }.
form-shown-done = "{ $name }" is on the form again. Form version { $version }.
form-added = "{ $name }" was added to the form. Form version { $version }.
form-counter-added = "{ $name }" was added: volunteers are asked for it when they choose "{ $topic }". Form version { $version }.
form-label-empty = A name needs at least 2 characters. Please type it again.
form-label-too-long = The name is { $length } characters long; at most { $max }. Please type a shorter one.
form-label-bad = A name cannot hold a phone or ID number, or start with "/". Please type it again.
form-label-taken = There is already an item called "{ $name }". Please choose another name.
form-too-many = This part of the form already shows { $max } items; more would not fit a phone's screen. Please hide one first.
form-last-topic = The form needs at least one topic shown.
form-counter-needs-topic = Please choose a topic that is shown.
form-part-targets = 🎯 Yearly targets
form-target-active-groups = Share of groups with activity
form-target-none = { $name }: not set
form-target-yearly = { $name }: { $value } a year
form-target-percent = { $name }: { $value }%
form-ask-target = The ward's yearly target for each indicator; reports show how much is done since the year began. Pick one to set or change:
form-ask-target-value = The yearly target for "{ $name }": type a number (for example 500), or 0 to remove it.
form-ask-target-percent = The target for "{ $name }": type a percentage from 1 to 100 (the plans ask 100), or 0 to remove it.
form-target-invalid = Please give a whole number (no decimals), for example 500; 0 removes the target.
form-target-invalid-percent = Please give a whole number from 0 to 100, for example 80; 0 removes the target.
form-label-same = The name is still "{ $name }": nothing changed.
form-target-saved = Target saved: { $target }.
form-target-cleared = The target for "{ $name }" is removed.
result-next = For something else, tap Menu.

## The ward's web pages
web-menu = Open the ward's web pages
web-link = The ward's web pages: { $link }
    The link works once, for { $minutes } minutes; do not pass it on.
web-too-many = You asked for { $n } links in the last hour. To stay safe, use the latest one, or wait a while and ask again.
web-after = To sign out every browser that has the pages open, tap "Sign out".
web-sign-out = Sign out of the web pages
web-signed-out = { $n } browser(s) signed out.
dash-title = Ward pages · { $ward }
dash-signed-in = Signed in: { $name } ({ $role })
dash-expired-title = This link does not work
dash-expired = This link was used already, has expired, or you signed out. Type /web in the chat for a new one.
dash-period = Period
dash-period-week = This week
dash-period-month = This month
dash-period-quarter = This quarter
dash-period-year = This year
dash-indicator = Indicator
dash-this = This period
dash-before = Period before
dash-active = Groups with activity
dash-idle = Groups with no activity
dash-none-idle = Every group has activity.
dash-nav = Pages
dash-nav-overview = Overview
dash-nav-groups = Residential groups
dash-nav-people = Members
dash-nav-invites = Invites
dash-nav-files = Download reports
dash-not-allowed-title = Not for your role
dash-not-allowed = This page is for { $who }.
dash-not-found-title = Not found
dash-not-found = There is no such item, or it does not belong to your ward (team).
dash-forged-title = Form not accepted
dash-forged = This form was not sent from your ward's pages, so nothing was done. Open the page again and retry.
dash-bad-form-title = Form could not be read
dash-bad-form = What was sent could not be read; nothing changed. Open the page again and retry.
dash-ok-group-added = Group added.
dash-ok-group-renamed = Group renamed.
dash-ok-group-archived = Group archived: it is no longer offered in lists; its past figures stay.
dash-ok-group-restored = Group brought back into the lists.
dash-ok-role-changed = Role changed.
dash-ok-deactivated = Member deactivated: they can no longer use the team's functions; the sessions they logged stay.
dash-ok-activated = Member reactivated.
dash-ok-invite-made = Invite created.
dash-ok-invite-revoked = Invite withdrawn: the code no longer works.
dash-err-group-name = A group name needs 1 to 200 characters, with at least one letter or digit.
dash-err-group-exists = The ward already has a group with that name (archived ones included).
dash-err-cannot-change = This member cannot be changed that way.
dash-err-unknown-action = It is not clear what you wanted to do; nothing changed.
dash-err-invite-role = You cannot create invites for that role.
dash-err-invite-numbers = Uses must be 1 to 200 and days of validity 1 to 30.
dash-err-invite-group = Choose an active group of the ward (your team).
dash-never = none yet
dash-groups-intro = Support sessions in { $month } and the latest session of each group. Groups with no session this month are flagged.
dash-group = Group
dash-sessions-month = Sessions this month
dash-sessions = Sessions
dash-last = Latest session
dash-archived = Archived
dash-idle-flag = No activity this month
dash-change = Change
dash-new-name = New name
dash-rename = Rename
dash-archive = Archive group
dash-restore = Bring back
dash-no-groups = The ward has no groups yet.
dash-add-group = Add a group
dash-group-example = For example: Residential group 12
dash-add = Add
dash-people-intro = Members, their role, group and latest support session. Phone numbers are never shown.
dash-name = Name
dash-role = Role
dash-deactivated = Deactivated
dash-make-role = Make { $role }
dash-deactivate = Deactivate
dash-activate = Reactivate
dash-no-people = No members yet.
dash-invite-new = Invite for a { $role } · { $group }
dash-qr = QR code of the invite
dash-invite-link = Open in Telegram:
dash-invite-no-link = The invited person types this code in the chat with the bot (Telegram, Zalo or web).
dash-invite-until = Used { $uses } · valid until { $until }.
dash-invite-make = Create an invite
dash-invite-uses = How many people can use this code
dash-invite-days = Days of validity
dash-invite-create = Create invite
dash-invite-list = Invites of the last 90 days
dash-invite-code = Code
dash-invite-for = For
dash-invite-state = State
dash-invite-ok = Usable
dash-invite-expired = Expired
dash-invite-used-up = Used up
dash-invite-revoked = Withdrawn
dash-invite-not-found = None
dash-invite-show = Show QR code
dash-invite-revoke = Withdraw
dash-no-invites = No invites yet.
dash-files-intro = Make a period's report: an Excel workbook, a chart and a draft annual report (Word). Download links work for 7 days.
dash-files-this-month = This month
dash-files-last-month = Last month
dash-files-this-quarter = This quarter
dash-files-this-year = This year
dash-files-last-year = Last year
dash-files-typed = Or type another period
dash-files-example = October, Q3/2026, 1/11 - 15/11
dash-files-make = Make report
dash-files-text = The report's text
dash-told-role = { $by } made you a { $role }. Type menu to see what you can do.
dash-told-deactivated = { $by } deactivated you in the community digital team. The sessions you logged are kept. You can still ask questions as a resident.
dash-told-activated = { $by } reactivated you in the community digital team. Type menu to go on.
dash-error-title = Something went wrong
dash-error = Sorry, something went wrong and nothing was changed. Open the page again and retry.
dash-trend = Support sessions each month, { $start } to { $end }
dash-trend-title = Sessions by month (12 months)
dash-nav-city = City
dash-viewing = Viewing: { $ward }
dash-city-intro = The wards in { $month }: { $sessions } support sessions and { $residents } residents city-wide. Open a ward to see and run it as its staff would.
dash-city-ward = Ward
dash-city-open = Open this ward
dash-city-viewing = Viewing
dash-city-none = No wards yet.
dash-nav-form = Session form
dash-form-intro = The ward's support-session form (version { $version }): topics, priority groups, counters and yearly targets. Change it here or in the chat (The ward's session form); past figures keep the names they had.
dash-form-after = asked after "{ $topic }"
dash-form-after-topic = Asked after
dash-form-hidden = Hidden
dash-form-hide = Hide
dash-form-show = Show again
dash-form-new = New item's name
dash-form-targets = Yearly targets (empty or 0: none)
dash-form-save = Save
dash-ok-form-changed = The form was saved.
dash-err-form-name = A name needs 2 to 60 characters, no phone or ID number, and may not start with "/".
dash-err-form-taken = The form already has an item with that name.
dash-err-form-target = A target is a whole number (the share of active groups: 0 to 100).
dash-err-form-too-many = This part already shows 12 items; hide one first.
dash-err-form-last-topic = The form needs at least one topic shown.
dash-err-form-counter-topic = A counter is asked after a topic that is shown.
dash-mini-title = Ward pages
dash-mini-wait = Signing in with Telegram…
dash-mini-failed = Could not sign you in. These pages are for team leaders and ward staff; open them again from the button in Telegram, or type /web for a link.
web-open-here = Open in Telegram
dash-nav-deadlines = Deadlines
dash-deadlines-intro = The ward's reporting deadlines. Add one, or say a report was handed in, in the chat (Reporting deadlines, Mark a report handed in).
dash-deadline-done = Your group handed in the report due { $due }. 👍
dash-deadline-open = Your group has not handed in the report due { $due } yet.
dash-nav-announce = Announcements
dash-announce-to = Send to
dash-announce-text = Text (at most { $max } characters)
dash-announce-quiet = An announcement sent during the quiet hours waits for the morning.
dash-ok-announcement-sent = Announcement queued. How many received it shows in the list below.
dash-err-announcement-length = An announcement needs some text, at most 1000 characters.
dash-err-announcement-target = Choose the whole ward or one of its groups.
dash-nav-follow = To do
dash-follow-intro = { $n } open, { $overdue } overdue: volunteers' follow-ups and residents' requests for help at home. Phone numbers are partly hidden.
dash-follow-what = What
dash-follow-due = Due
dash-follow-owner = Taken by
dash-follow-request = Request for help at home
dash-follow-session = Follow-up visit
dash-follow-nobody = nobody yet
dash-follow-overdue = Overdue
dash-follow-none = Nothing open.
dash-nav-questions = Unanswered questions
dash-ok-question-attached = Question attached: from now on residents of the ward asking this get that answer.
dash-ok-question-written = New ward entry saved; this question is now answered with it.
dash-err-question-missing = There is no question to attach.
dash-err-question-entry = Choose an entry from the list.
dash-err-question-text = A new entry needs a title (3 characters or more) and an answer (10 or more).
dash-questions-intro = Questions residents asked that the bot could not answer in the last { $days } days, most asked first. Phone numbers, ID numbers and names were removed.
dash-questions-times = { $n ->
    [one] once
   *[other] { $n } times
}
dash-questions-attach-to = This asks about:
dash-questions-attach = Attach to this entry
dash-questions-write = Or write a new ward entry
dash-questions-title = Title
dash-questions-body = Answer
dash-questions-save = Save new entry
dash-questions-none = No unanswered questions in the last { $days } days.
