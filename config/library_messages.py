"""Messages of the libraries that our API can answer and that they do not ship in Vietnamese (issue 8, point 6).

DRF ships 20 Vietnamese messages, knox and django-filter none, and Django's own Vietnamese misses a few. Listing
the messages here puts them in locale/vi/LC_MESSAGES/django.po when makemessages runs (it extracts only from our
code), and locale/translate_vi.py gives each its Vietnamese; the project's catalogue (LOCALE_PATHS) takes
precedence over the libraries' own, so the library code then answers in Vietnamese. This module is never
imported: it is a list for makemessages. The msgids must be exactly the libraries' (placeholders included).
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# rest_framework/exceptions.py: 401, 405, 406, 415, 429 and the generic ones.
gettext_noop("A server error occurred.")
gettext_noop("Invalid input.")
gettext_noop("Malformed request.")
gettext_noop("Incorrect authentication credentials.")
gettext_noop("Authentication credentials were not provided.")
gettext_noop("Could not satisfy the request Accept header.")
gettext_noop('Unsupported media type "{media_type}" in request.')
gettext_noop("Request was throttled.")
ngettext_lazy("Expected available in {wait} second.", "Expected available in {wait} seconds.")
# rest_framework/fields.py and serializers.py: validation of each field's shape.
gettext_noop("This field may not be null.")
gettext_noop("Must be a valid boolean.")
gettext_noop("Not a valid string.")
gettext_noop("Ensure this field has no more than {max_length} characters.")
gettext_noop("Ensure this field has at least {min_length} characters.")
gettext_noop("This value does not match the required pattern.")
gettext_noop("Must be a valid UUID.")
gettext_noop("A valid integer is required.")
gettext_noop("Ensure this value is less than or equal to {max_value}.")
gettext_noop("Ensure this value is greater than or equal to {min_value}.")
gettext_noop("String value too large.")
gettext_noop("A valid number is required.")
gettext_noop("Ensure that there are no more than {max_digits} digits in total.")
gettext_noop("Ensure that there are no more than {max_decimal_places} decimal places.")
gettext_noop("Ensure that there are no more than {max_whole_digits} digits before the decimal point.")
gettext_noop("Datetime has wrong format. Use one of these formats instead: {format}.")
gettext_noop("Expected a datetime but got a date.")
gettext_noop("Datetime value out of range.")
gettext_noop("Expected a date but got a datetime.")
gettext_noop('"{input}" is not a valid choice.')
gettext_noop('Expected a list of items but got type "{input_type}".')
gettext_noop("This selection may not be empty.")
gettext_noop("The submitted data was not a file. Check the encoding type on the form.")
gettext_noop("No filename could be determined.")
gettext_noop("Ensure this filename has at most {max_length} characters (it has {length}).")
gettext_noop("Ensure this field has at least {min_length} elements.")
gettext_noop("Ensure this field has no more than {max_length} elements.")
gettext_noop('Expected a dictionary of items but got type "{input_type}".')
gettext_noop("This dictionary may not be empty.")
gettext_noop("Invalid data. Expected a dictionary, but got {datatype}.")
# rest_framework/relations.py, pagination.py, validators.py
gettext_noop('Invalid pk "{pk_value}" - object does not exist.')
gettext_noop("Incorrect type. Expected pk value, received {data_type}.")
gettext_noop("Invalid value.")
gettext_noop("Invalid page.")
gettext_noop("This field must be unique.")
gettext_noop("The fields {field_names} must make a unique set.")
gettext_noop("Surrogate characters are not allowed: U+{code_point:X}.")
# knox/auth.py (the same words as DRF's token authentication)
gettext_noop("Invalid token header. No credentials provided.")
gettext_noop("Invalid token header. Token string should not contain spaces.")
gettext_noop("Invalid token.")
# django_filters/fields.py
gettext_noop("Select a lookup.")
gettext_noop("Range query expects two values.")
# Django, where its Vietnamese has no entry
gettext_noop("Null characters are not allowed.")
gettext_noop("Enter a complete value.")
gettext_noop("Enter a valid UUID.")
gettext_noop("Enter a valid JSON.")
gettext_noop("Enter a valid duration.")
gettext_noop("“%(pk)s” is not a valid value.")
gettext_noop("“%(value)s” value must be an integer.")
gettext_noop("“%(value)s” value must be a decimal number.")
gettext_noop("“%(value)s” value has an invalid date format. It must be in YYYY-MM-DD format.")
gettext_noop("“%(value)s” value has the correct format (YYYY-MM-DD) but it is an invalid date.")
ngettext_lazy("This password is too short. It must contain at least %d character.",
              "This password is too short. It must contain at least %d characters.")
