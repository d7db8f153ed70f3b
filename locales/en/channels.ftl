# Telegram commands menu (setMyCommands) and channel notes.
cmd-start = Start / main menu
cmd-log = Log a support session
cmd-stats = See the figures
cmd-mydata = See my data
cmd-lang = Change language
cmd-help = Help
cmd-cancel = Cancel what I am doing
cmd-forgetme = Erase my data
file-needs-public-url = A file comes with this message, but the server has no public address for Zalo to fetch it from. Ask your administrator to set PUBLIC_BASE_URL, or open the bot in the web chat to download it.
help-resident =
    For residents:
    /ask: how to use VNeID, public services online, payments, staying safe from scams
    /homevisit: ask the digital team to help you at home
    /alerts: get or stop the ward's announcements
    /join: join a team with an invite code
help-volunteer =
    For team members:
    /followups: what you promised to come back to
    /requests: residents asking for help at home
    /nudgeoff, /nudgeon: turn the reminder after a quiet spell off or on
    /ask: the help desk, to guide residents
help-leader =
    For team leaders:
    /followups: your team's follow-ups
    /requests: residents asking for help at home
    /report: your team's weekly report (chart, workbook)
    /submitted: mark a report as handed in
    /invite: invite members to your team
    /nudgeoff, /nudgeon: turn the reminder after a quiet spell off or on
help-staff =
    For ward staff:
    /report: the ward's weekly report (chart, workbook)
    /deadlines: reporting deadlines, and which groups have not handed in
    /reporttime: the day and time of the weekly report
    /announce: an announcement to the whole ward or one group
    /followups: follow-ups
    /requests: residents asking for help at home
    /wardinfo: the ward's information for residents (address, hours, phone)
    /invite: invite team leaders
