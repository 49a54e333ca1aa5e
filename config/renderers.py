"""The JSON renderer every endpoint uses."""

from rest_framework.renderers import JSONRenderer


class SafeJSONRenderer(JSONRenderer):
    """DRF's renderer writes UTF-8, which cannot encode a lone surrogate: an error message that echoes one
    (`"\\ud800" is not a valid choice`) was a 500. Such an answer falls back to ASCII with \\u escapes, which
    is the same JSON value (issue 7, defect 7). The parser refuses these strings first; this is the last net."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        try:
            return super().render(data, accepted_media_type, renderer_context)
        except UnicodeEncodeError:
            self.ensure_ascii = True
            try:
                return super().render(data, accepted_media_type, renderer_context)
            finally:
                del self.ensure_ascii
