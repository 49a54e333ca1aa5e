"""The radiation work licence (giấy phép tiến hành công việc bức xạ, Decree 142/2020)."""
