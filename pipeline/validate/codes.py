"""Every issue code validation can produce, with its severity and a one-line description.

The docs list this table; a test checks that every code validation emits is listed here.
(The reader's structural codes - missing-table, missing-column, formula-without-value... - are
its own and are listed by `pipeline.workbook`.)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..issues import ERROR, WARNING


@dataclass(frozen=True, kw_only=True)
class Code:
    code: str
    severity: str
    description: str


def _c(code: str, severity: str, description: str) -> Code:
    return Code(code=code, severity=severity, description=description)


CODES: tuple[Code, ...] = (
    # cell types
    _c("missing-value", ERROR, "A required cell is empty."),
    _c("not-a-number", ERROR, "A cell that needs a number holds text that is not one."),
    _c("unexpected-percent", ERROR, "A money amount or count is typed as a percent."),
    _c("not-an-integer", ERROR, "A cell that needs a whole number holds a fraction."),
    _c("not-a-date", ERROR, "A date cell holds something that is not a date."),
    _c("too-long", ERROR, "A text is longer than allowed."),
    _c("unknown-currency", ERROR, "The currency is not one of the listed ISO codes."),
    _c("unknown-language", ERROR, "The report language is neither en nor id."),
    _c("unknown-mode", ERROR, "A channel's mode is neither live nor deferred."),
    _c("unknown-type", ERROR, "An option's type is neither in-house nor outsourced."),
    _c("not-yes-no", ERROR, "`Already running` or `Flexes monthly` is neither yes nor no."),
    _c("unknown-category", ERROR, "A cost line's category is not one of the five categories."),
    _c("unknown-basis", ERROR, "A cost line's basis is not one of the listed bases."),
    _c(
        "unknown-escalation",
        ERROR,
        "A cost line's escalation is not wage, vendor, general or none.",
    ),
    _c(
        "unknown-cost-type", WARNING, "A cost type tag is not in the checklist; inferred from Item."
    ),
    _c("unknown-choice", ERROR, "A coded cell holds a value that is not in its list."),
    # ranges
    _c("out-of-range", ERROR, "A number is outside the range the schema allows."),
    _c("negative-amount", ERROR, "A money amount is negative."),
    _c(
        "unreachable-service-level",
        ERROR,
        "A live channel's service-level target is 100%, which no number of agents reaches.",
    ),
    _c(
        "percent-as-whole-number",
        WARNING,
        "A bare number in a percent cell was read as a whole-number percent (30 = 30%), "
        "though it could have been meant as a fraction.",
    ),
    _c(
        "number-words-as-multipliers",
        WARNING,
        "Amounts typed with number words (5,4 juta, 750 rb, 1,2 M, 750k, 1.2bn) were read with "
        "the words as multipliers; one warning per workbook, at the first such cell.",
    ),
    _c(
        "ambiguous-date",
        WARNING,
        "A date typed as text whose day and month could be swapped (2/11/2026) was read day "
        "first; the message names both readings.",
    ),
    # uniqueness and references
    _c("duplicate-channel", ERROR, "Two channels have the same name."),
    _c("duplicate-option", ERROR, "Two options have the same name."),
    _c("unknown-option", ERROR, "A cost line names an option that is not on the Options sheet."),
    _c(
        "unknown-channel",
        ERROR,
        "A cost line or a hybrid names a channel that is not on the Demand sheet.",
    ),
    _c("baseline-not-an-option", ERROR, "The baseline option names no option."),
    _c("no-baseline", ERROR, "No baseline is given and there is no in-house option to use."),
    _c(
        "unknown-score-column",
        WARNING,
        "A score column names no option (neither an option's name nor Option k of an option), "
        "or scores an option another column already scores; its scores are ignored.",
    ),
    _c("option-without-scores", WARNING, "An option has no qualitative score at all."),
    _c("no-scores", WARNING, "No option has a qualitative score: cost alone decides."),
    # cost-line rules
    _c("start-after-end", ERROR, "A cost line's start month is after its end month."),
    _c(
        "start-month-zero",
        ERROR,
        "Month 0 (before go-live) is used by a line that is not one-time.",
    ),
    _c("beyond-horizon", WARNING, "A cost line's months run past the horizon (cut off there)."),
    _c("channel-ignored", WARNING, "A channel is given on a basis that does not use channels."),
    _c(
        "duplicate-line", WARNING, "A cost line repeats another (same option, item, basis, amount)."
    ),
    # completeness
    _c("no-channels", ERROR, "The Demand table has no channel."),
    _c("no-options", ERROR, "The Options table has no option."),
    _c("no-cost-lines", ERROR, "The Costs table has no cost line."),
    _c(
        "option-without-costs",
        ERROR,
        "An option has no cost line: it would cost nothing and win the comparison.",
    ),
    # demand by hour of the week (template version 2)
    _c(
        "unknown-profile",
        ERROR,
        "A channel's Profile, or the Project's business hours, names no profile of the table nor "
        "a built-in.",
    ),
    _c(
        "unknown-pattern",
        ERROR,
        "A channel's Seasonality names no pattern of the table nor a built-in.",
    ),
    _c("unknown-day", ERROR, "A profile row's Day is not a day of the week."),
    _c("negative-weight", ERROR, "An hour's weight in a profile is negative."),
    _c(
        "duplicate-profile-day",
        ERROR,
        "A profile has two rows for the same day (duplicate profile name).",
    ),
    _c(
        "profile-day-missing",
        WARNING,
        "A profile has no row for some days of the week: closed on those days.",
    ),
    _c(
        "profile-all-zero",
        ERROR,
        "A channel with volume uses a profile whose every weight is 0 (never open).",
    ),
    _c(
        "hours-differ-from-profile",
        WARNING,
        "`Hours per week` disagrees with the open hours of the channel's profile; the profile wins.",
    ),
    _c(
        "pattern-not-positive",
        ERROR,
        "A seasonal pattern lacks a value above 0 for a month (blank, zero or negative).",
    ),
    _c("duplicate-pattern", ERROR, "Two seasonal patterns have the same name."),
    _c("patience-not-positive", ERROR, "A channel's patience is 0 seconds or less."),
    # risk register and commentary (template version 2, optional sheets)
    _c(
        "unknown-risk-option",
        WARNING,
        "A risk names an option that is not on the Options sheet; it keeps the name as typed.",
    ),
    # hybrids (template version 2)
    _c("duplicate-hybrid", ERROR, "Two hybrids have the same name."),
    _c("unknown-vendor", ERROR, "A hybrid's Vendor names no option of the Options sheet."),
    _c("not-a-vendor", ERROR, "A hybrid's Vendor is an in-house option, not an outsourced one."),
    _c(
        "vendor-is-baseline",
        ERROR,
        "A hybrid's Vendor is the baseline option itself, which keeps the contacts not routed.",
    ),
    _c(
        "hybrid-routes-nothing",
        WARNING,
        "A hybrid sends no contact to its vendor (no volume, hours or tier it routes).",
    ),
    _c(
        "hybrid-routes-everything",
        WARNING,
        "A hybrid sends every contact to its vendor: it is the pure vendor option.",
    ),
    _c(
        "channel-not-priced",
        ERROR,
        "An outsourced option prices some channels per use but leaves a channel with volume "
        "without a per-use price.",
    ),
    # domain (DOMAIN.md)
    _c(
        "hidden-costs-missing",
        WARNING,
        "An option lacks cost lines of the hidden-cost checklist: one warning listing them all.",
    ),
    _c("attrition-24-7", WARNING, "24/7 in-house coverage with no more than normal attrition."),
    _c(
        "parallel-run-without-running-baseline",
        WARNING,
        "Transition months on an option while the baseline is not already running: no parallel "
        "run is charged (v2 workbooks).",
    ),
    _c("vendor-rate-benchmark", WARNING, "A vendor hourly rate is outside USD 10-50."),
    _c(
        "productivity-benchmark", WARNING, "Contacts per agent hour far from the channel benchmark."
    ),
)
CODES_BY_NAME = {c.code: c for c in CODES}
