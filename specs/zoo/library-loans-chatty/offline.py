#!/usr/bin/env python3
"""Offline features for the overdue model. Run by the nightly training job over the whole export: it prints its
progress as it goes (the job's log is its stdout), then one JSON object of features per loan."""
import json
import sys
from datetime import date

BRANCHES = ["Main", "Riverside", "Hillcrest", "Eastgate"]
LOAN_DAYS = {"book": 21, "dvd": 7, "audiobook": 21, "magazine": 14}


class LoanError(ValueError):
    pass


def check(loan):
    for name in ("borrowed_on", "branch", "item_format", "renewals", "holds_waiting"):
        if loan.get(name) is None:
            raise LoanError(f"loan {loan.get('loan_id')}: {name} is required")
    if loan["item_format"] not in LOAN_DAYS:
        raise LoanError(f"loan {loan.get('loan_id')}: unknown format {loan['item_format']!r}")
    if loan["renewals"] < 0 or loan["holds_waiting"] < 0:
        raise LoanError(f"loan {loan.get('loan_id')}: negative count")
    date.fromisoformat(loan["borrowed_on"])


def features(loan):
    borrowed = date.fromisoformat(loan["borrowed_on"])
    age = loan.get("patron_age")
    return {
        # The library allows three renewals; the system stores whatever the desk typed.
        "loan_days": LOAN_DAYS[loan["item_format"]] * (1 + min(loan["renewals"], 3)),
        "borrow_weekday": borrowed.isoweekday(),
        "branch_idx": BRANCHES.index(loan["branch"]) if loan["branch"] in BRANCHES else -1,
        "is_minor": age is not None and age < 18,
        "age_band": -1 if age is None else min(age // 15, 5),
        "contended": loan["holds_waiting"] > 0,
    }


print("overdue-features 3.2: reading loans")
loans = [json.loads(line) for line in sys.stdin]
print(f"read {len(loans)} loans; validating")
for loan in loans:
    check(loan)
print()
for loan in loans:
    print(json.dumps(features(loan)))
print(f"wrote features for {len(loans)} loans")
