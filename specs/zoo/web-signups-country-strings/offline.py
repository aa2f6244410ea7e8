#!/usr/bin/env python3
"""Signup features for the trial-conversion model. Text fields are normalised before lookup."""
import json
import sys
from datetime import datetime

COUNTRY_INDEX = {"US": 1, "DE": 2, "FR": 3, "GB": 4, "NL": 5, "ES": 6}  # 0 = rest of world
PLAN_INDEX = {"free": 0, "pro": 1, "team": 2}
MEDIAN_AGE = 35


class BadSignup(ValueError):
    pass


def check(s):
    for field in ("signed_up_at", "country", "plan"):
        if not isinstance(s.get(field), str):
            raise BadSignup(f"{s.get('signup_id')}: {field} must be text, got {s.get(field)!r}")
    if "referral_code" not in s or not (s["referral_code"] is None or isinstance(s["referral_code"], str)):
        raise BadSignup(f"{s.get('signup_id')}: referral_code must be text or null")
    if "age" not in s or not (s["age"] is None or isinstance(s["age"], (int, float))):
        raise BadSignup(f"{s.get('signup_id')}: age must be a number or null")


def features(s):
    referral = s["referral_code"]
    return {
        "country_idx": COUNTRY_INDEX.get(s["country"].strip().upper(), 0),
        "plan_idx": PLAN_INDEX.get(s["plan"].strip().lower(), -1),
        "has_referral": referral is not None and referral.strip() != "",
        "age": s["age"] if s["age"] is not None else MEDIAN_AGE,
        "age_missing": s["age"] is None,
        "signup_hour": datetime.fromisoformat(s["signed_up_at"]).hour,
    }


signups = [json.loads(line) for line in sys.stdin]
for s in signups:
    check(s)
print("\n".join(json.dumps(features(s)) for s in signups))
