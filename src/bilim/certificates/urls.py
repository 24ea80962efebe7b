from django.urls import path

from .views import public, staff

app_name = "certificates"

urlpatterns = [
    path("certificates/verify/", public.certificate_lookup, name="verify-lookup"),
    path("certificates/verify/<str:code>/", public.certificate_verify, name="verify"),
    path("my/<str:token>/certificate.pdf", public.certificate_pdf_view, name="pdf"),
    path(
        "staff/offerings/<int:pk>/certificates/",
        staff.offering_certificates,
        name="staff-offering",
    ),
    path(
        "staff/offerings/<int:pk>/certificates/issue/",
        staff.offering_certificates_issue,
        name="staff-issue",
    ),
    path("staff/certificates/<int:pk>/revoke/", staff.certificate_revoke_view, name="staff-revoke"),
    path(
        "staff/certificates/<int:pk>/certificate.pdf",
        staff.certificate_staff_pdf,
        name="staff-pdf",
    ),
]
