"""Sign-up endpoint and email links. /newsletter/ itself is the NewsletterPage, served by Wagtail."""

from django.urls import path

from . import views, webhooks

app_name = "newsletter"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("webhooks/bounces/", webhooks.bounce_webhook, name="bounce_webhook"),
]
