app_name = "neighbourhoods"

urlpatterns: list = []
