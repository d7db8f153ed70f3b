## The movement's report as a draft (.docx) for ward staff to edit and sign

annual-authority = PEOPLE'S COMMITTEE
annual-number = No.:       /BC-UBND
annual-nation = SOCIALIST REPUBLIC OF VIETNAM
annual-motto = Independence - Freedom - Happiness
annual-place-date = { $ward }, date:
annual-title = REPORT
    Results of the community digital teams
annual-draft-note = [DRAFT made by Ngõ Số from the figures the teams logged. Ward staff review, edit and complete it before signing; do not send it as it is.]
annual-results = I. RESULTS
annual-overall = 1. Overall
annual-active-share = Residential groups whose community digital team was active: { $active }/{ $total } ({ $pct }%; target { $target }%).
annual-target-line = { $name }: { $done }/{ $target } ({ $year } target, { $pct }% done)
annual-signer-title = CHAIR
annual-sign-here = (Signature, full name, seal)
annual-by-indicator = Results by indicator:
annual-by-group = 2. Results by residential group
annual-col-indicator = Indicator
annual-col-this = This period
annual-totals = Total
annual-col-before = Period before
annual-commend = II. PROPOSED FOR COMMENDATION
annual-fair = (Ranked by support sessions per week since joining, then residents helped per week; equal figures share a place.)
annual-commend-groups = Outstanding teams:
annual-commend-members = Outstanding members:
annual-commend-none = (none yet)
annual-rank-line = { $rank }. { $name }: { $sessions } sessions, { $residents } residents helped; active { $active } of { $weeks } weeks
annual-shortcomings = III. SHORTCOMINGS AND CAUSES
annual-plans = IV. PLANS FOR THE NEXT PERIOD
annual-write-here = [Ward staff write here]
annual-recipients = To:
annual-recipients-list =
    - [The office receiving the report];
    - Archive.
annual-signer = FOR THE PEOPLE'S COMMITTEE
annual-file-word = Draft report
annual-button = 📄 Draft report (.docx)
annual-caption = Draft report { $period } (Word) for ward staff to edit and sign; nothing about residents.
