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
