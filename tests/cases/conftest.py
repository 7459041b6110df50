import pytest

NN = "85073003328"


@pytest.fixture
def household_payload():
    def make(**extra):
        return {
            "members": [
                {"first_name": "Céline", "last_name": "Van de Putte", "birth_date": "1985-07-30",
                 "national_number": NN, "relation": "self"},
                {"first_name": "Lotte", "last_name": "Van de Putte", "birth_date": "2015-03-02",
                 "relation": "child"},
            ],
            "municipality_nis": "36008", "tenure": "private_rent", "monthly_income_eur": 1450.50,
            **extra,
        }
    return make


@pytest.fixture
def case_of(api, household_payload):
    """Open a case for a new household as `user` via the API; returns its JSON."""
    def make(user, **extra):
        client = api(user)
        payload = household_payload(**extra)
        household = client.post("/households", payload).json()
        response = client.post("/cases", {
            "household_id": household["id"], "municipality_nis": "36008",
            "themes": ["dreigende_dakloosheid", "huurwetgeving"], "source": "loket",
        })
        assert response.status_code == 201, response.content
        return response.json()
    return make
