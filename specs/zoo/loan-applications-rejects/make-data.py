#!/usr/bin/env python3
"""Writes data.csv: 450 consumer-loan applications from the origination system (deterministic).

Two applications carry data-entry errors that both the batch pipeline and the scoring API refuse: an applicant
aged 17 and an application with an annual income of 0.
"""
import csv
import random
from datetime import date, timedelta

EMPLOYMENT = ["salaried", "salaried", "salaried", "self_employed", "contractor", "retired"]
rng = random.Random(90210)

with open("data.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["application_id", "applied_on", "applicant_age", "annual_income", "loan_amount", "term_months",
                  "employment_type", "credit_score", "defaulted"])
    for i in range(450):
        age = rng.randint(19, 74)
        income = round(rng.lognormvariate(10.8, 0.5), -2)
        amount = round(rng.uniform(1000, min(60000, income * 0.8)), -2)
        score = "" if rng.random() < 0.06 else max(300, min(850, int(rng.gauss(690, 70))))
        if i == 137:
            age = 17
        if i == 311:
            income = 0
        defaulted = int(rng.random() < 0.05 + 0.25 * (amount / max(income, 1) > 0.5))
        out.writerow([f"APP-{70000 + i}", (date(2023, 1, 2) + timedelta(days=rng.randrange(0, 600))).isoformat(),
                      age, int(income), int(amount), rng.choice([12, 24, 36, 48, 60]), rng.choice(EMPLOYMENT),
                      score, defaulted])
