"""Union election calculators (BAK-SEN Seçim Yönetmeliği as summarised in issue #4)."""
