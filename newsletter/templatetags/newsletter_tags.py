from django import template

from ..forms import SignupForm
from ..models import NewsletterPage

register = template.Library()


@register.inclusion_tag("newsletter/includes/footer_signup.html", takes_context=True)
def newsletter_footer_signup(context):
    """The sign-up form in the footer of every page, except where the full form is shown."""
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, NewsletterPage) or context.get("newsletter_full_form"):
        return {"show_form": False}
    form = SignupForm(
        source=request.path if request is not None else "/", request=request, auto_id="nl-footer-%s"
    )
    return {"show_form": True, "form": form, "messages": context.get("messages"), "request": request}
