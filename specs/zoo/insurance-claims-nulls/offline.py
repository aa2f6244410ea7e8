#!/usr/bin/env python3
"""Claim features for the fraud model. Streams: one claim in, one feature row out, flushed as it goes."""
import json
import sys
from datetime import date

REGION_CODES = {"north": 0, "south": 1, "east": 2, "west": 3, "unknown": 4}


def days_between(start, end):
    if start is None or end is None:
        return None
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


def features(claim):
    amount = claim.get("claim_amount")
    amount = amount if amount is not None else 0.0
    vehicle_age = claim.get("vehicle_age")
    vehicle_age = vehicle_age if vehicle_age is not None else -1
    region = claim.get("region")
    prior = claim.get("prior_claims")
    return {
        "claim_amount": amount,
        "vehicle_age": vehicle_age,
        "amount_per_vehicle_year": amount / max(vehicle_age, 1),
        "region_code": REGION_CODES.get(region if region is not None else "unknown", -1),
        "prior_claims_capped": min(prior if prior is not None else 0, 5),
        "has_police_report": claim.get("police_report") is True,
        "policy_age_days": days_between(claim.get("policy_start"), claim.get("incident_date")),
    }


for line in sys.stdin:
    print(json.dumps(features(json.loads(line))), flush=True)
