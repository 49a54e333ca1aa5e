"""The API of the radiation register: X-ray devices, radiation workers and their doses, licences."""
