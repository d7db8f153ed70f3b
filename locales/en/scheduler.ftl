## Scheduled messages: weekly reports, follow-ups, announcements, reporting deadlines.

## Weekly report
report-title-ward = Report: { $name }
report-title-team = Report: { $name }
report-header = 📊 Report { $name } · { $period }
report-dates = From { $start } to { $end }
report-change = { $diff } sessions ({ $pct }%)
report-change-new = up (none in the period before)
report-change-none = no change
report-before-day = the day before
report-before-week = last week
report-before-month = the month before
report-before-quarter = the quarter before
report-before-year = the year before
report-before-range = the same number of days before
report-before-movement = the period before
report-vs-before = Compared with { $before_name } ({ $before ->
        [one] { $before } session
       *[other] { $before } sessions
    }): { $sessions }
report-counters = Counters:
report-counter-line = • { $name }: { $value }{ $change }
report-counter-change = { " " }({ $diff } compared with the period before)
report-target-line = 🎯 { $name }: { $done }/{ $target } of the { $year } target ({ $pct }%)
report-sheet-targets = Yearly targets
report-col-target = Target { $year }
report-col-done-ytd = Done since 1 January
report-col-share = Share done
report-active-share = Groups with activity: { $active }/{ $total } ({ $pct }%, target { $target }%)
report-idle-groups = Groups with no activity ({ $n }): { $names }
report-and-more = { " " }and { $n } more
report-follow-ups = Follow-ups: { $open } open, { $overdue } overdue
report-top-groups = 🏆 Most active teams:
report-top-members = 🏆 Most active members:
report-rank-line = { $rank }. { $name }: { $sessions ->
        [one] { $sessions } session
       *[other] { $sessions } sessions
    }, { $residents ->
        [one] { $residents } resident
       *[other] { $residents } residents
    }
report-rank-weeks = , active { $active } of { $weeks } weeks
report-rank-fair = (Ranked by sessions per week since joining, then residents per week; equal figures share a place.)
report-chart-caption = Chart: { $period }
report-file-caption = Spreadsheet: { $period } (nothing about residents)
report-chart-groups = Sessions by residential group
report-chart-members = Sessions by member
report-chart-topics = Sessions by help given
report-chart-counters = Counters
report-chart-more = and { $n } more rows in the spreadsheet
report-empty = No support session in this period yet.
report-made = Made on { $date } · Ngõ Số
report-file-word = Report
report-sheet-summary = Summary
report-sheet-topics = By help given
report-sheet-priority = By priority group
report-sheet-groups = By group
report-sheet-members = By member
report-sheet-sessions = Sessions
report-sheet-months = By month
report-col-month = Month
report-by-month-note = a period longer than a quarter goes month by month; for each session, choose a month or a quarter
report-col-indicator = Indicator
report-col-this = This period
report-col-before = Period before
report-col-change = Change
report-col-name = Name
report-col-sessions = Sessions
report-col-residents = Residents
report-col-open-fu = Open follow-ups
report-col-overdue-fu = Overdue follow-ups
report-col-active = Groups with activity
report-col-groups-total = Groups in all
report-col-active-weeks = Weeks with activity
report-col-weeks = Weeks so far (since joining)
report-col-topic = Help given
report-col-priority = Priority group
report-col-date = Date
report-col-group = Residential group
report-col-place = Place
report-col-outcome = Outcome
report-totals = Total
report-weekly-intro = 📬 Your automatic weekly report. For another period (month, quarter, year), type /report.
report-monthly-intro = 📬 Your automatic monthly report (the ward chose to get it). For another period, type /report.
report-ask-period = Which period? Choose below, or type: a day in the week you need (12/11), a week number ({ $example }), a month (11/{ $year }), a quarter (q3/{ $year }), a year ({ $year }), or two days (01/11/{ $year } - 15/11/{ $year }).
report-this-week-choice = This week (from { $start })
report-last-week-choice = Last week ({ $start } – { $end })
report-this-month-choice = This month ({ $month }/{ $year })
report-last-month-choice = Last month ({ $month }/{ $year })
report-this-quarter-choice = This quarter ({ $quarter })
report-this-year-choice = This year ({ $year })
report-movement-choice = The whole period 2026–2030
report-period-invalid = I could not tell which period. Choose a button, or type for example: 12/11/2026 (the week holding it), 2026-W45, 11/2026, q3/2026, 2026, "this year", or 01/11/2026 - 15/11/2026.
report-range-reversed = The first day ({ $start }) comes after the last ({ $end }). Type the earlier day first, for example 01/11/2026 - 15/11/2026.
report-period-future = You typed { $understood }: that period has not started yet. Please choose this one or a past one.
report-after = The report is above. What next?
report-another = Another period
btn-short-menu = ☰ Menu
report-menu = Reports (week, month, quarter, year)
period-title-day = { $date }
period-title-week = Week { $start }–{ $end }
period-title-month = Month { $month }/{ $year }
period-title-quarter = Quarter { $quarter }/{ $year }
period-title-year = Year { $year }
period-title-movement = The period { $start }–{ $end }
period-title-range = From { $start } to { $end }

## Follow-ups
fu-line = • Due { $due } · { $topics } · { $residents ->
        [one] { $residents } resident
       *[other] { $residents } residents
    } · { $group }
fu-no-topic = (help not recorded)
fu-due-today = ⏰ { $n } follow-ups are due today:
fu-due-on = ⏰ { $n } follow-ups were due on { $date }:
fu-overdue = ⚠️ { $n } follow-ups in the team are overdue:
fu-close-hint = Once done, type /followups to mark it done.
fu-none = No open follow-ups. 👍
fu-ask-close = { $n } open follow-ups ({ $overdue } overdue). Choose one that is done to close it:
fu-closed = ✅ Closed.
fu-not-closed = That one is closed already, or it is not yours to close.
fu-menu = Follow-ups

## Ward announcements
ann-menu = Send an announcement
ann-ask-what = Announcements to the members of the ward:
ann-new = Write a new announcement
ann-status = See how far they got
ann-ask-target = Who should get it?
ann-to-ward = The whole ward
ann-ask-text = Type the announcement (at most { $max } characters):
ann-bad-length = It needs 1 to { $max } characters (it has { $length }). Please type it again.
ann-confirm =
    The announcement goes to { $n } people ({ $target }):

    { $text }

    Messages sent in quiet hours ({ $quiet }) arrive the next morning.
ann-send = Send
ann-cancel = Cancel
ann-message =
    📢 Announcement from { $ward }:
    { $text }
ann-queued = { $n } messages queued. See how many arrived under Send an announcement → See how far they got.
ann-none = The ward has not sent any announcement yet.
ann-status-title = Recent announcements:
ann-status-line = • { $when } · { $target }: { $sent }/{ $total } sent, { $pending } waiting, { $unreachable } could not be delivered
report-unanswered = Residents asked and the bot had no answer (the help desk could add these):
report-unanswered-line = • { $question } ({ $n } times)

## Reporting deadlines
dl-menu = Reporting deadlines
dl-menu-submit = Mark a report handed in
dl-list = The ward's reporting deadlines ({ $n }). Choose one to see who has not handed it in, or add one:
dl-none = The ward has no reporting deadline yet.
dl-add = Add a deadline
dl-gone = That deadline is not there any more.
dl-detail = 📅 { $title }: { $when }
dl-detail-who = For: { $roles }
dl-detail-offsets = Reminders: { $offsets }
dl-detail-past = This date has passed; no more reminders.
dl-missing = Not handed in yet for { $due } ({ $n }): { $names }
dl-all-in = Every residential group has handed in the report for { $due }. 👍
dl-delete = Delete this deadline
dl-delete-confirm = Delete "{ $title }"? Its reminders stop.
dl-delete-yes = Delete
dl-delete-no = Do not delete
dl-deleted = 🗑 Deleted.
dl-ask-title = What is the report called? (for example: Annual emulation movement report; at most { $max } characters)
dl-bad-title = The name needs 1 to { $max } characters. Please type it again.
dl-ask-kind = When is it due?
dl-kind-once = On one date
dl-kind-weekly = Every week
dl-kind-monthly = Every month
dl-kind-yearly = Every year
dl-ask-when-once = Type the date (for example 15/12/2026, 15/12 for the next one, or "tomorrow", "friday"):
dl-ask-when-weekly = Which day of the week?
dl-ask-when-monthly = Which day of the month? Type 1 to 31 (31: the last day of each month).
dl-ask-when-yearly = Which day of the year? Type day/month, for example 05/11 or 12/12.
dl-bad-when-once = I cannot read that date. Type day/month/year (for example 15/12/2026), or "tomorrow", "friday".
dl-bad-when-weekly = Please choose a day of the week below.
dl-bad-when-monthly = Please type a day from 1 to 31.
dl-bad-when-yearly = I could not read that day. Type day/month, for example 05/11.
dl-date-past = That date has passed. Please type a date from today on.
dl-ask-roles = Who must hand it in (and gets the reminders)?
dl-roles-leader = Team leaders
dl-roles-staff = Ward staff
dl-roles-both = Both
dl-role-leader = team leaders
dl-role-staff = ward staff
dl-ask-offsets = When should reminders go out? Default: { $default }. Or type the days before, for example 7 3 0 (0 = the day itself).
dl-offsets-default = Default
dl-offset = { $n ->
    [0] on the day
    [one] 1 day before
   *[other] { $n } days before
}
dl-bad-offsets = Type whole numbers of days from 0 to { $max }, for example 7 3 0.
dl-confirm =
    New deadline:
    📅 { $title }: { $when }
    For: { $roles }
    Reminders: { $offsets }
    Next due date: { $first }
dl-save = Save
dl-saved = ✅ Saved: { $title }. Reminders go out at the reminders time, never in quiet hours.
dl-when-once = on { $date }
dl-when-weekly = every { $weekday }
dl-when-monthly = on day { $day } of every month
dl-when-yearly = every year on { $date }
dl-weekday-0 = Monday
dl-weekday-1 = Tuesday
dl-weekday-2 = Wednesday
dl-weekday-3 = Thursday
dl-weekday-4 = Friday
dl-weekday-5 = Saturday
dl-weekday-6 = Sunday
dl-reminder = ⏰ Report due { $left ->
    [0] today
    [one] tomorrow
   *[other] in { $left } days
} ({ $due }): { $title }
dl-reminder-hint = Once your team has handed it in, type /submitted so the reminders stop.
dl-reminder-staff-hint = To see which groups have not handed it in, type /deadlines.
dl-nothing-owed = Your team owes no report at the moment. 👍
dl-ask-submitted = Reports your team still owes ({ $n }). Choose the one you have handed in:
dl-owed-line = { $title } · due { $due }
dl-submitted = ✅ Noted: "{ $title }" (due { $due }) handed in. No more reminders for it.

## Inactivity nudges
nudge-message =
    👋 Hello { $name }! No support session has been logged for { $days } days. If you helped residents, type /log to record it; every session counts for the team.
    (To stop these reminders: /nudgeoff)
nudge-state-on = You get a friendly reminder after { $days } days without a logged session.
nudge-state-off = Reminders after { $days } days without a logged session are off.
nudge-turn-off = Turn them off
nudge-turn-on = Turn them back on
nudge-now-off = 🔕 Off. Type /nudgeon to turn them back on.
nudge-now-on = 🔔 On again.

## Weekly report time
tt-menu = Report day and time
tt-ask-weekday = The ward's weekly report now goes out on { $weekday } at { $time }. On which day should it go out?
tt-ask-time = At what time? Type hours:minutes, for example 08:00.
tt-bad-time = I could not read that time. Type hours:minutes, for example 08:00 or 17:30.
tt-saved = ✅ The weekly report will go out every { $weekday } at { $time }.
tt-monthly-is-on = Monthly report: on (the 1st of every month at { $time }, for the month before).
tt-monthly-is-off = Monthly report: off.
tt-monthly-on = 📅 Turn the monthly report on
tt-monthly-off = 📅 Turn the monthly report off
tt-monthly-saved-on = ✅ On: on the 1st of every month, ward staff and team leaders get last month's report.
tt-monthly-saved-off = ✅ The monthly report is off; the weekly one goes on as before.
fu-line-visit = • Due { $due } · A resident asked for help at home ({ $time }) · { $group }
fu-group-unknown = group not known
