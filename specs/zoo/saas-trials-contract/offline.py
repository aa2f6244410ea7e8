#!/usr/bin/env python3
"""Trial features for the conversion model (sales-assist scoring), one JSON object per trial."""
import json
import math
import sys
from datetime import date, datetime

INDUSTRIES = ["fintech", "retail", "healthcare", "education", "logistics", "media"]


def validated(t):
    if not isinstance(t["integrations"], list) or not all(isinstance(x, str) for x in t["integrations"]):
        raise ValueError(f"{t['trial_id']}: integrations must be a list of names")
    if not isinstance(t["seats_invited"], int) or t["seats_invited"] < 0:
        raise ValueError(f"{t['trial_id']}: seats_invited must be a non-negative integer")
    if not isinstance(t["company_size"], int) or t["company_size"] < 1:
        raise ValueError(f"{t['trial_id']}: company_size must be a positive integer")
    if not isinstance(t["mrr_estimate"], (int, float)) or t["mrr_estimate"] < 0:
        raise ValueError(f"{t['trial_id']}: mrr_estimate must be a non-negative number")
    if not all(isinstance(t[c], str) for c in ("industry", "signup_at", "trial_end")):
        raise ValueError(f"{t['trial_id']}: industry, signup_at and trial_end must be text")
    return t


def features(t):
    signup = datetime.fromisoformat(t["signup_at"]).date()
    return {
        "seats_invited": t["seats_invited"],
        "integrations_count": len(t["integrations"]),
        "trial_days": (date.fromisoformat(t["trial_end"]) - signup).days,
        "industry_idx": INDUSTRIES.index(t["industry"]) if t["industry"] in INDUSTRIES else -1,
        "mrr_per_seat": t["mrr_estimate"] / max(t["seats_invited"], 1),
        "company_size_log": math.log1p(t["company_size"]),
    }


trials = [validated(json.loads(line)) for line in sys.stdin]
print("\n".join(json.dumps(features(t)) for t in trials))
