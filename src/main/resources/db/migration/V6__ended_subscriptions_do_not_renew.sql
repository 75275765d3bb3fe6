-- An expired or closed subscription kept showing auto-renewal on, though nothing renews it.
update subscription set auto_renewal = false where status in ('EXPIRED', 'CLOSED', 'CANCELLED');
