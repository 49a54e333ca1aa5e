"""The verification certificate (giấy chứng nhận kiểm định, Circular 24/2013 Art. 41)."""
