"""pay: döner sermaye ek ödemesi (Sağlık Bakanlığı) calculators and, later, salary calculators."""
