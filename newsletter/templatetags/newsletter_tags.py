from django import template

from iurc_portal.core.query import section_page

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
        source=request.path if request is not None else "/",
        request=request,
        auto_id="nl-footer-%s",
        with_interests=False,
    )
    signup_page = section_page(NewsletterPage, request)
    return {
        "show_form": True,
        "form": form,
        "signup_url": signup_page.get_url(request) if signup_page is not None else "",
        "messages": context.get("messages"),
        "request": request,
    }
