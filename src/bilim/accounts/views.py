from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .forms import SignInForm
from .permissions import requires
from .selectors import Capability, scope_for, user_list


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


@requires(Capability.MANAGE_USERS)
def user_list_view(request: HttpRequest) -> HttpResponse:
    users = user_list(scope=scope_for(request.user))
    return render(request, "accounts/user_list.html", {"users": users})
