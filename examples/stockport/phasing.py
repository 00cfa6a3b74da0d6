#!/usr/bin/python3
"""Writes phasing.json: scenario.json with the business case's phasing.

usage: python3 examples/stockport/phasing.py

phasing.json is scenario.json (do not edit either by hand) with the
additions of rota7 plan --until: the horizon moved to April 2017, the
first month of the business case's 2017/18, the extended-hours bands
starting on 1 July 2017 (Table 25), planning rates, and a few starters
and leavers.  Every figure added says where it comes from in an x-note;
what the documents do not give is marked ASSUMPTION.  README.md beside
this file explains the worked case.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = "000_de47f45a53eb7dec.txt (Stockport Together neighbourhood outline business case)"

# Table 25: "Neighbourhood teams extended hours ... Start date 17/18: Q2 July 17".
EXTENDED_FROM = "2017-07-01"
EXTENDED = {
    ("community-nursing", "Extended day"),
    ("social-work", "Late"),
    ("social-work", "Weekend early"),
    ("social-work", "Weekend late"),
}

# Table 3: integrated multidisciplinary teams 249 FTE now, 395 FTE by
# 2020/21.  Compounded over the three years from April 2017 to April 2020
# (the start of 2020/21): (395/249)^(1/3) - 1 = 16.6% a year.
GROWTH = round(((395 / 249) ** (1 / 3) - 1) * 100, 1)


def main():
    with open(os.path.join(HERE, "scenario.json"), encoding="utf-8") as f:
        sc = json.load(f)
    sc["name"] = "Stockport neighbourhood teams, April 2017, phased to 2020/21"
    sc["horizon"] = {"month": "2017-04"}
    sc["x-horizon"] = (
        "ASSUMPTION: April 2017, the first month of the business case's "
        "2017/18, so that plan --until 2021-03 runs over its four years "
        "(2017/18 Q1 to 2020/21 Q4) and solve shows the month before the "
        "extended hours start. The staff's leave and requests are March "
        "2018's, outside this horizon, and are ignored.")
    # England and Wales bank holidays, public record (not in the seeds).
    sc["bank_holidays"] = ["2017-04-14", "2017-04-17", "2017-05-01",
                           "2017-05-29", "2017-08-28", "2017-12-25",
                           "2017-12-26"] + sc["bank_holidays"]
    for sv in sc["services"]:
        for b in sv["bands"]:
            if (sv["id"], b["label"]) in EXTENDED:
                b["from_date"] = EXTENDED_FROM
                b["x-note"] = (
                    "from_date: Table 25 of %s, 'Neighbourhood teams extended "
                    "hours', start date 'Q2 July 17'. ASSUMPTION: this band "
                    "(after 18:00, or at weekends for social work) is what "
                    "the extended hours add; the day bands are the remodelled "
                    "teams of 'Q1 & 2' and run from the start." % SRC)
    for m in sc["skill_mix"]:
        if m["service"] == "social-work" and m.get("days") == ["weekend"]:
            m["from_date"] = EXTENDED_FROM
            m["x-note"] = ("from_date: the weekend assistant team manager "
                           "rule comes with the weekend bands (Table 25, Q2 "
                           "July 17)")
    sc["planning"].update({
        "demand_growth_pct_per_year": GROWTH,
        "attrition_pct_per_year": 10,
        "recruitment_lead_weeks": 16,
        "x-note": (
            "demand_growth_pct_per_year: Table 3 of %s grows the integrated "
            "multidisciplinary teams from 249 to 395 FTE by 2020/21 (+59%%). "
            "ASSUMPTION: read as the teams' demand growing at one compound "
            "rate over the three years April 2017 to April 2020, "
            "(395/249)^(1/3) - 1 = %.1f%% a year; the offer tables are taken "
            "as the 2017/18 service. attrition_pct_per_year 10: ASSUMPTION, "
            "not in the documents, which warn only of recruitment difficulty "
            "for nurses and social workers. recruitment_lead_weeks 16: "
            "ASSUMPTION, advert, interview, checks and notice."
            % (SRC, GROWTH)),
    })
    by_id = {p["id"]: p for p in sc["staff"]}
    # Leavers: ASSUMPTION, to show them (the documents name no one).
    by_id["s076"]["end"] = "2017-09-30"
    by_id["s076"]["x-note"] = ("ASSUMPTION: a fixed-term contract ending on "
                               "30 September 2017")
    by_id["n001"]["end"] = "2018-03-31"
    by_id["n001"]["x-note"] = "ASSUMPTION: retires on 31 March 2018"
    # Starters for the extended hours, copies of people in post.
    for like, new, name in (("s075", "s-new-atm-marple", "Starter: assistant team manager, Marple"),
                            ("n001", "n-new-qn-bramhall", "Starter: qualified nurse, Bramhall")):
        p = {k: v for k, v in by_id[like].items()
             if k not in ("leave", "requests", "end", "x-note", "days_off_weekly", "fixed")}
        p.update({"id": new, "name": name, "fte": 1.0, "start": EXTENDED_FROM,
                  "x-note": "ASSUMPTION: a starter for the extended hours "
                            "(Table 25, Q2 July 17), a copy of %s" % like})
        sc["staff"].append(p)
    sc["x-generator"] = "examples/stockport/phasing.py from scenario.json"
    with open(os.path.join(HERE, "phasing.json"), "w", encoding="utf-8") as f:
        json.dump(sc, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
