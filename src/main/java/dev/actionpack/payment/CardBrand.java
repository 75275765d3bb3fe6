package dev.actionpack.payment;

public enum CardBrand {
  VISA, MASTERCARD, AMEX, DISCOVER, OTHER
}
