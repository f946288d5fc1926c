"""Gelir vergisi tarifesi (GVK md.103), kümülatif matrah, asgari ücret istisnası (GVK md.23/18)."""

from datetime import date
from decimal import Decimal as D

from hypothesis import given, strategies as st

from calc import params
from calc.pay import income_tax as gv

T2025 = params.table_for("income_tax", date(2025, 3, 1))
T2026 = params.table_for("income_tax", date(2026, 3, 1))
B2025 = T2025["wage_brackets"]
B2026 = T2026["wage_brackets"]


def test_both_years_validate():
    ids = [t.id for t in params.load_set("income_tax")]
    assert ids[:2] == ["2025", "2026"]  # later years may follow


def test_cumulative_tariff_amounts():
    # 2026 GİB tarifesi (332 Seri No.lu Tebliğ): 28.500 / 70.500 / 367.500 / 1.697.500 at the limits
    # https://cdn.gib.gov.tr/api/gibportal-file/file/getFileResources?objectKey=arsiv%2Fyardim-kaynaklar%2Fyararli-bilgiler%2Fgelir-vergisi-tarifeleri%2Fgelir-vergisi-tarifesi-2026.pdf
    assert [gv.bracket_tax(D(u), B2026) for u in (190000, 400000, 1500000, 5300000)] == \
        [D("28500"), D("70500"), D("367500"), D("1697500")]
    # 2025: 23.700 / 58.100 / 293.000 / 1.378.000
    assert [gv.bracket_tax(D(u), B2025) for u in (158000, 330000, 1200000, 4300000)] == \
        [D("23700"), D("58100"), D("293000"), D("1378000")]
    assert gv.bracket_tax(D(6300000), B2026) == D("1697500") + D("400000")


def test_bracket_edges():
    # exactly on the limit: still the lower bracket; one kuruş above: the next
    assert gv.marginal_rate(D("190000"), B2026) == D("0.15")
    assert gv.marginal_rate(D("190000.01"), B2026) == D("0.20")
    mt = gv.monthly_tax(D("180000"), D("20000"), B2026)
    assert [(s.rate, s.amount) for s in mt.slices] == [(D("0.15"), D("10000")), (D("0.20"), D("10000"))]
    assert mt.crosses == (D("190000"),)
    assert mt.tax == D("3500.00")
    # a month that ends exactly on the limit does not cross it
    assert gv.monthly_tax(D("170000"), D("20000"), B2026).crosses == ()
    # a month that starts on the limit is wholly in the next bracket
    assert gv.monthly_tax(D("190000"), D("1000"), B2026).tax == D("200.00")


def test_min_wage_base():
    # 2026: 33.030,00 − 4.954,50 = 28.075,50 ; 2025: 26.005,50 − 3.900,83 = 22.104,67
    assert gv.min_wage_base(T2026) == D("28075.50")
    assert gv.min_wage_base(T2025) == D("22104.67")


def test_min_wage_exemption_by_month_2026():
    # research notes §8.3 (derived; January matches ozkansoft eduhep): 4.211,33 Jan–Jun, July 4.537,75, then 5.615,10
    got = [gv.min_wage_exemption(T2026, m).tax for m in range(1, 13)]
    assert got[:6] == [D("4211.33")] * 6
    assert got[6] == D("4537.75")
    assert got[7:] == [D("5615.10")] * 5
    assert gv.min_wage_exemption(T2026, 7).crosses == (D("190000"),)


def test_min_wage_exemption_by_month_2025():
    got = [gv.min_wage_exemption(T2025, m).tax for m in range(1, 13)]
    assert got[:7] == [D("3315.70")] * 7
    assert got[7] == D("4257.57")
    assert got[8:] == [D("4420.93")] * 4


def test_stamp_exemption():
    assert gv.stamp_exemption(T2026) == D("250.70")
    assert gv.stamp_exemption(T2025) == D("197.38")


money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False)


@given(money, money)
def test_tax_monotone_in_base(a, b):
    lo, hi = sorted((a, b))
    assert gv.bracket_tax(lo, B2026) <= gv.bracket_tax(hi, B2026)


@given(money, money, money)
def test_month_tax_monotone_and_additive(before, x, y):
    lo, hi = sorted((x, y))
    assert gv.monthly_tax(before, lo, B2026).tax <= gv.monthly_tax(before, hi, B2026).tax
    mt = gv.monthly_tax(before, hi, B2026)
    assert sum(s.amount for s in mt.slices) == hi
    assert mt.tax <= (hi * D("0.40")).quantize(D("0.01")) + D("0.01")
