#!/usr/bin/env python3
"""Application features for the default model. Rows that fail the credit policy's input rules are written as
{"$error": reason}, the rest as features, one output line per input line."""
import json
import math
import sys
from datetime import date

EMPLOYMENT = ["salaried", "self_employed", "contractor", "retired"]
TERMS = {12, 24, 36, 48, 60}
MONTHLY_RATE = 0.089 / 12
MEDIAN_SCORE = 690


def number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def rejection(app):
    """Why the application cannot be scored, or None."""
    for col in ("applied_on", "applicant_age", "annual_income", "loan_amount", "term_months", "employment_type", "credit_score"):
        if col not in app:
            return f"missing {col}"
    if not isinstance(app["applied_on"], str):
        return "applied_on must be a date"
    if not (number(app["applicant_age"]) and 18 <= app["applicant_age"] <= 100):
        return f"applicant_age {app['applicant_age']!r} outside 18-100"
    if not (number(app["annual_income"]) and app["annual_income"] > 0):
        return f"annual_income {app['annual_income']!r} must be positive"
    if not (number(app["loan_amount"]) and 0 < app["loan_amount"] <= 1_000_000):
        return f"loan_amount {app['loan_amount']!r} outside (0, 1e6]"
    if app["term_months"] not in TERMS:
        return f"term_months {app['term_months']!r} not offered"
    if not isinstance(app["employment_type"], str):
        return "employment_type must be text"
    score = app["credit_score"]
    if score is not None and not (number(score) and 300 <= score <= 850):
        return f"credit_score {score!r} outside 300-850"
    return None


def features(app):
    income, amount, term = app["annual_income"], app["loan_amount"], app["term_months"]
    payment = amount * MONTHLY_RATE / (1 - (1 + MONTHLY_RATE) ** -term)
    age = app["applicant_age"]
    score = app["credit_score"]
    kind = app["employment_type"]
    return {
        "dti": amount / income,
        "monthly_payment": payment,
        "payment_to_income": payment * 12 / income,
        "income_log": math.log(income),
        "age_band": 0 if age < 25 else 1 if age < 40 else 2 if age < 60 else 3,
        "credit_score": score if score is not None else MEDIAN_SCORE,
        "has_credit_score": score is not None,
        "employment_idx": EMPLOYMENT.index(kind) if kind in EMPLOYMENT else -1,
        "applied_month": date.fromisoformat(app["applied_on"]).month,
    }


apps = [json.loads(line) for line in sys.stdin]
out = []
for app in apps:
    why = rejection(app)
    out.append({"$error": why} if why else features(app))
print("\n".join(json.dumps(o) for o in out))
labelled = [a["defaulted"] for a in apps if a.get("defaulted") is not None]
print(f"scored {len(apps)} applications, default rate {sum(labelled) / max(len(labelled), 1):.1%}", file=sys.stderr)
