// Posts the page's one form as soon as it loads (SAML's HTTP-POST binding); its button is there without JavaScript.
document.getElementById('form-post').submit();
