-- Card personalisation data (K_card, PUK) is handed out once per card: a second request is
-- refused, and a card that must be personalised again is replaced (a new number, a new key).
CREATE TABLE card_personalisations (
    card_number     TEXT NOT NULL PRIMARY KEY,
    actor           TEXT NOT NULL,
    personalised_at {{ts}} NULL             -- null: the card was known before this was recorded
);

-- Cards issued before this table existed are taken as personalised: their keys are not handed out again.
INSERT INTO card_personalisations (card_number, actor, personalised_at)
SELECT card_number, 'migration:0031', NULL FROM cards;
