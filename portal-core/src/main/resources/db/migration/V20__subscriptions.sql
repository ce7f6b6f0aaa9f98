-- Billing methods: pay-as-you-go (metered) or a subscription paid up front for a term of months.
-- A subscription's term begins when its guest first runs (term_months ordered, expires_at NULL until then).
ALTER TABLE instance
    ADD COLUMN billing_method VARCHAR(16) NOT NULL DEFAULT 'PAY_AS_YOU_GO',
    ADD COLUMN term_months    INT          NULL,
    ADD COLUMN expires_at     TIMESTAMP(3) NULL,
    ADD INDEX ix_instance_expiry (billing_method, expires_at);

-- A SUBSCRIPTION usage event is a purchase of so many months (its flavor and disk as bought).
ALTER TABLE usage_event ADD COLUMN months INT NOT NULL DEFAULT 0;
