"""Union election calculators (BAK-SEN Seçim Yönetmeliği as summarised by the union for Hesap)."""
