"""membership/petition: a bilgi edinme (right to information) petition about a stalled membership."""

from __future__ import annotations

from ..dates import format_date
from ..errors import InputError
from ..fields import Field
from ..calculator import Calculator, Context, Output
from ..text import tr_upper


def check_tckn(value: str) -> None:
    """T.C. kimlik no: 11 digits, not starting with 0, two check digits (the published algorithm)."""
    if value is None:
        return
    if len(value) != 11 or not (value.isascii() and value.isdigit()):  # "²".isdigit() is True
        raise InputError("tckn", "11 haneli bir sayı olmalı")
    if value[0] == "0":
        raise InputError("tckn", "0 ile başlayamaz")
    d = [int(c) for c in value]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    if d[9] != tenth or d[10] != sum(d[:10]) % 10:
        raise InputError("tckn", "geçerli bir T.C. kimlik numarası değil (kontrol haneleri tutmuyor); yazımı kontrol edin")


def compute(v: dict, ctx: Context) -> dict:
    ex = ctx.explain
    when = v["petition_date"] or ctx.on
    institution = v["institution"]
    where = f"Kurumunuzun {v['unit']} biriminde" if v["unit"] else "Kurumunuzda"
    text = "\n".join([
        f"{tr_upper(institution)}",
        "(Bilgi Edinme Birimine)",
        "",
        "Konu: Sendika üyeliğimin işlem durumu hakkında bilgi edinme başvurusu",
        "",
        f"{where} görev yapmaktayım. {format_date(v['submitted_on'])} tarihinde {v['union']} "
        "sendikasına üyelik için yaptığım başvuru kurumunuza teslim edilmiştir. Aradan geçen süreye karşın üyeliğim maaş "
        "bordroma yansımamış, sendika üyelik aidatı kesintisi başlamamıştır.",
        "",
        "4982 sayılı Bilgi Edinme Hakkı Kanunu uyarınca aşağıdaki bilgilerin tarafıma yazılı olarak verilmesini "
        "arz ederim:",
        "1. Üyelik başvurumun kurumunuza hangi tarihte ulaştığı ve üzerine hangi işlemlerin yapıldığı,",
        "2. Üyeliğimin kayıtlara ve maaş sistemine işlenip işlenmediği, işlenmediyse gerekçesi,",
        "3. Sendika üyelik aidatı kesintisinin hangi aydan itibaren yapılacağı.",
        "",
        f"Tarih: {format_date(when)}",
        "",
        f"Ad Soyad: {v['full_name']}",
        f"T.C. Kimlik No: {v['tckn']}",
        f"Adres: {v['address']}",
        *([f"Telefon: {v['phone']}"] if v["phone"] else []),
        *([f"E-posta: {v['email']}"] if v["email"] else []),
        f"Kurum: {institution}" + (f" / {v['unit']}" if v["unit"] else ""),
        "İmza:",
    ])
    ex.add("T.C. kimlik numarası kontrol haneleri", "tutuyor", "T.C. kimlik numarası algoritması (10. ve 11. haneler)")
    ex.add("Başvuru sahibinin kimliği ve adresi", "ad soyad, T.C. kimlik no, adres ve imza dilekçede",
           "4982 s. Bilgi Edinme Hakkı Kanunu md.6 (gerçek kişilerde ad, soyad, imza, T.C. kimlik no, oturma yeri veya iş adresi)")
    ex.add("Dilekçenin dayanağı", "Bilgi edinme başvurusu; kurum 15 iş günü içinde cevap verir",
           "4982 s. Bilgi Edinme Hakkı Kanunu md.6, md.11")
    ex.add("Dilekçe tarihi", when, "Girdi" if v["petition_date"] else "Hesaplama günü")
    return {"text": text, "tckn_valid": True, "petition_date": when}


CALCULATOR = Calculator(
    id="membership/petition",
    title="Bilgi edinme dilekçesi: üyeliğim neden işlenmedi?",
    description=(
        "Üyelik başvurunuz işlenmediyse kurumunuza vereceğiniz bilgi edinme dilekçesini hazırlar. T.C. kimlik "
        "numaranızı kontrol hanelerine göre denetler; metni yazdırıp imzalayarak kurumunuzun evrak birimine "
        "verebilirsiniz. Girdiğiniz bilgiler tarayıcınızdan çıkmaz."
    ),
    inputs=(
        Field("full_name", "text", "Adınız ve soyadınız", required=True, personal=True),
        Field("tckn", "text", "T.C. kimlik numaranız", required=True, personal=True,
              help="11 hane; kontrol haneleri denetlenir.", check=check_tckn),
        Field("address", "text", "Oturma yeri ya da iş adresiniz", required=True, personal=True, multiline=True,
              help="4982 s.K. md.6: cevap bu adrese gönderilir; iş adresiniz de olabilir."),
        Field("phone", "text", "Telefonunuz (isteğe bağlı)", default="", personal=True),
        Field("email", "text", "E-posta adresiniz (isteğe bağlı)", default="", personal=True),
        Field("institution", "text", "Kurumunuz", required=True,
              help="Dilekçenin gideceği makam, örneğin “… Hastanesi Başhekimliği”."),
        Field("unit", "text", "Biriminiz (isteğe bağlı)", default="", help="Örneğin “Yoğun Bakım Ünitesi”."),
        Field("union", "text", "Sendikanız", required=True),
        Field("submitted_on", "date", "Üyelik başvurusunun teslim tarihi", required=True),
        Field("petition_date", "date", "Dilekçe tarihi (boşsa bugün)",
              help="Boş bırakın: dilekçe verdiğiniz günün tarihini taşır."),
    ),
    outputs=(
        Output("text", "Dilekçe metni", "text", main=True),
        Output("petition_date", "Dilekçe tarihi", "date"),
    ),
    compute=compute,
    references=("4982 s.K. md.6, md.11", "4688 s.K. md.14"),
    example={"full_name": "Ayşe Yılmaz", "tckn": "10000000146", "institution": "Ankara Şehir Hastanesi Başhekimliği",
             "address": "Örnek Mah. Sağlık Cad. No: 1 Daire: 2, Çankaya / Ankara",
             "unit": "Yoğun Bakım Ünitesi", "union": "Senim", "submitted_on": "2026-09-01"},  # dated the day it is made
)
