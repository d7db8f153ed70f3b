## Scheduled messages: weekly reports, follow-ups, announcements, reporting deadlines.

## Weekly report
report-title-ward = Weekly report: { $name }
report-title-team = Weekly report: { $name }
report-change = { $diff } sessions ({ $pct }%)
report-change-new = up (no session the week before)
report-change-none = no change
report-vs-last-week = Compared with last week ({ $before } sessions): { $sessions }
report-idle-groups = Groups with no activity ({ $n }): { $names }
report-and-more = { " " }and { $n } more
report-follow-ups = Follow-ups: { $open } open, { $overdue } overdue
report-top-groups = 🏆 Most active teams:
report-top-members = 🏆 Most active members:
report-rank-line = { $rank }. { $name }: { $sessions } sessions, { $residents } residents
report-chart-caption = Chart for week { $week }
report-file-caption = Spreadsheet for week { $week } (no personal data)
report-chart-groups = Sessions by residential group
report-chart-members = Sessions by member
report-chart-topics = Sessions by help given
report-sheet-summary = Summary
report-sheet-topics = By help given
report-sheet-priority = By priority group
report-sheet-groups = By group
report-sheet-members = By member
report-sheet-sessions = Sessions
report-col-report = Report
report-col-week = Week
report-col-name = Name
report-col-sessions = Sessions
report-col-residents = Residents
report-col-previous = Sessions the week before
report-col-open-fu = Open follow-ups
report-col-overdue-fu = Overdue follow-ups
report-col-active = Groups with activity
report-col-topic = Help given
report-col-priority = Priority group
report-col-date = Date
report-col-group = Residential group
report-col-place = Place
report-col-outcome = Outcome
report-weekly-intro = 📬 Your automatic weekly report. For another week, type /report.
report-ask-week = Which week? Choose below, or type a day in that week (for example 12/11) or a week number (for example { $example }).
report-week-choice = Week { $start } – { $end }
report-week-invalid = I could not tell which week. Type a day (for example 12/11/2026) or a week number (for example 2026-W45).
report-week-future = That week has not started yet. Please choose a past week.
report-menu = Weekly report (chart, spreadsheet)

## Follow-ups
fu-line = • Due { $due } · { $topics } · { $residents } residents · { $group }
fu-no-topic = (help not recorded)
fu-due-today = ⏰ { $n } follow-ups are due today:
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
